<?xml version="1.0" encoding="UTF-8"?>
<!--
  tests/xpath-value.xsl: prints the string value of one XPath 1.0 expression
  (the `expr` parameter) evaluated on a document, for the `xpath` file of a
  data-driven case (tests/run-case). The prefix e is the evaluation's
  namespace, urn:tender:evaluation:1. Run:
    xsltproc -stringparam expr "count(//e:bid)" tests/xpath-value.xsl out/evaluation.xml
  An expression that does not compile or evaluate prints nothing and a message
  on standard error (dyn:evaluate does not change the exit code).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:dyn="http://exslt.org/dynamic" xmlns:e="urn:tender:evaluation:1"
                extension-element-prefixes="dyn">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="expr"/>
  <xsl:template match="/">
    <xsl:value-of select="dyn:evaluate($expr)"/>
  </xsl:template>
</xsl:stylesheet>
