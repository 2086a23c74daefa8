<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="bid"/>
  <xsl:template match="/">
    <xsl:value-of select="concat('letter for bid [', $bid, ']&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
