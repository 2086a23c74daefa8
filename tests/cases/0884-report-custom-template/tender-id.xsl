<?xml version="1.0" encoding="UTF-8"?>
<!-- The smallest useful template: the tender's id and each bid's total. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tender:evaluation:1" exclude-result-prefixes="e">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/e:evaluation">
    <xsl:value-of select="e:tender/@id"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select="e:bids/e:bid">
      <xsl:value-of select="concat(@id, ' ', @display, '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
