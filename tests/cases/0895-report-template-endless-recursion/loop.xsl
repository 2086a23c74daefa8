<?xml version="1.0" encoding="UTF-8"?>
<!-- Recurses for ever: libxslt's depth limit must stop it with an error, not a crash. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/"><xsl:call-template name="again"/></xsl:template>
  <xsl:template name="again">x<xsl:call-template name="again"/></xsl:template>
</xsl:stylesheet>
