<?xml version="1.0" encoding="UTF-8"?>
<!-- A custom letter: gets the bid id in the parameter `bid`, as letter.xsl does. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tender:evaluation:1" exclude-result-prefixes="e">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
  <xsl:param name="bid"/>
  <xsl:template match="/e:evaluation">
    <xsl:variable name="b" select="e:bids/e:bid[@id = $bid]"/>
    <html lang="en-GB">
      <head><title>Letter to <xsl:value-of select="$b/@bidder"/></title></head>
      <body>
        <p>Dear <xsl:value-of select="$b/@bidder"/>,</p>
        <p>Your tender <xsl:value-of select="$bid"/> for <xsl:value-of select="e:tender/@id"/>
          scored <xsl:value-of select="$b/@display"/> points.</p>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
