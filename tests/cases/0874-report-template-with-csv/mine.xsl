<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:e="urn:tender:evaluation:1" exclude-result-prefixes="e">
<xsl:output method="text"/>
<xsl:template match="/"><xsl:value-of select="e:evaluation/e:tender/@id"/><xsl:text>&#10;</xsl:text></xsl:template>
</xsl:stylesheet>
