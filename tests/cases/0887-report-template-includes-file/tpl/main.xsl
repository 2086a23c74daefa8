<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="secret.txt"/>
  <xsl:output method="html"/>
  <xsl:template match="/"><p><xsl:call-template name="leak"/></p></xsl:template>
</xsl:stylesheet>
