<?xml version="1.0" encoding="UTF-8"?>
<!--
  tests/figures.xsl: the figures of an evaluation.xml, one fact a line, for the
  `figures` file of a data-driven case (tests/run-case). A case keeps these lines
  instead of a whole evaluation.xml, so that its diff shows the figures that
  changed, not the markup a template change moved. Run:
    xsltproc tests/figures.xsl out/evaluation.xml

  Lines, in the document's order (the bids in rank order, then the unranked):
    tender ID REGIME notice DATE standstill N UNIT from DATE to DATE (CALENDAR)
    standstill skips DATE REASON (SOURCE)   (one line per day passed over)
    rules ID VERSION scale S precision P
    panel METHOD min-evaluators N missing M conflicts C          (when a panel is set)
    rank N BID TOTAL [tied]
    bid ID [(BIDDER)] compliant|not compliant|not evaluated [rank N [tied]] total T
    bid ID problem: TEXT             why a rule or the file could not be evaluated
    bid ID excluded: TEXT            why it is not ranked, besides failed gates
    bid ID tie-break N on REF: placed above|below BID
    bid ID gate REF failed: TEXT     (gates that passed are not listed)
    bid ID score REF POINTS of MAX [STATE] [price-minor N] [: TEXT]
                                     (the text only when the state is error,
                                     not-scored or pending: it says why)
    bid ID flag REF SEVERITY [questions Q] [decision D on DATE by WHO]: TEXT
    bid ID conflict EVALUATOR: ORGANISATION is the bidder|a member PARTY, MANAGED
    bid ID panel REF QUESTION BASIS VALUE counted N [low L high H]: MARKS
                                     [; moderated V agreed by WHO [: NOTE]]
  A value whose rounded display differs from it is followed by (shown D); a
  percent that differs from the total's display by (P%). Texts are
  whitespace-normalised. Marks: `E1 4`, `E2 5 excluded`, `E4 missing`.

  Left out, because they echo the inputs or explain figures that are here:
  the inputs and their SHA-256, the rule set's definitions and titles, the
  evaluators and their interests, the explanation of a scored points value,
  the text of a tie-break, the notes on marks and flag decisions. A case that
  is about one of them checks it in its xpath file.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tender:evaluation:1">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:if test="not(e:evaluation)">
      <xsl:message terminate="yes">figures.xsl: not an evaluation (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="e:evaluation/e:tender"/>
    <xsl:apply-templates select="e:evaluation/e:ruleset"/>
    <xsl:apply-templates select="e:evaluation/e:panel"/>
    <xsl:apply-templates select="e:evaluation/e:ranking/e:place"/>
    <xsl:apply-templates select="e:evaluation/e:bids/e:bid"/>
  </xsl:template>

  <!-- VALUE, then (shown DISPLAY) when rounding changed it -->
  <xsl:template name="value">
    <xsl:param name="value"/>
    <xsl:param name="display"/>
    <xsl:value-of select="$value"/>
    <xsl:if test="string($display) and number($value) != number($display)">
      <xsl:value-of select="concat(' (shown ', $display, ')')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="e:tender">
    <xsl:value-of select="concat('tender ', @id, ' ', @regime, ' notice ', @notice-date,
                                 ' standstill ', e:standstill/@days, ' ', e:standstill/@unit,
                                 ' from ', e:standstill/@begins, ' to ', @standstill-ends,
                                 ' (', e:standstill/@calendar, ')', $nl)"/>
    <xsl:for-each select="e:standstill/e:skipped">
      <xsl:value-of select="concat('standstill skips ', @date, ' ', @reason, ' (', @source, ')',
                                   $nl)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="e:ruleset">
    <xsl:value-of select="concat('rules ', @id, ' ', @version, ' scale ', @scale,
                                 ' precision ', @precision, $nl)"/>
  </xsl:template>

  <xsl:template match="e:panel">
    <xsl:value-of select="concat('panel ', @method, ' min-evaluators ', @min-evaluators,
                                 ' missing ', @missing, ' conflicts ', @conflicts, $nl)"/>
  </xsl:template>

  <xsl:template match="e:place">
    <xsl:value-of select="concat('rank ', @rank, ' ', @bid, ' ')"/>
    <xsl:call-template name="value">
      <xsl:with-param name="value" select="@total"/>
      <xsl:with-param name="display" select="@display"/>
    </xsl:call-template>
    <xsl:if test="@tied = 'true'"> tied</xsl:if>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="e:bid">
    <xsl:value-of select="concat('bid ', @id, ' ')"/>
    <xsl:if test="string(@bidder)">
      <xsl:value-of select="concat('(', @bidder, ') ')"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@evaluated != 'true'">not evaluated</xsl:when>
      <xsl:when test="@compliant = 'true'">compliant</xsl:when>
      <xsl:otherwise>not compliant</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@rank">
      <xsl:value-of select="concat(' rank ', @rank)"/>
      <xsl:if test="@tied = 'true'"> tied</xsl:if>
    </xsl:if>
    <xsl:text> total </xsl:text>
    <xsl:call-template name="value">
      <xsl:with-param name="value" select="@total"/>
      <xsl:with-param name="display" select="@display"/>
    </xsl:call-template>
    <xsl:if test="@percent != @display">
      <xsl:value-of select="concat(' (', @percent, '%)')"/>
    </xsl:if>
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates select="e:problem | e:exclusion | e:tie-break | e:gate[@passed != 'true']
                                 | e:score | e:flag | e:conflict | e:panel-record"/>
  </xsl:template>

  <xsl:template match="e:problem">
    <xsl:value-of select="concat('bid ', ../@id, ' problem: ', normalize-space(), $nl)"/>
  </xsl:template>

  <xsl:template match="e:exclusion">
    <xsl:value-of select="concat('bid ', ../@id, ' excluded: ', normalize-space(), $nl)"/>
  </xsl:template>

  <xsl:template match="e:tie-break">
    <xsl:value-of select="concat('bid ', ../@id, ' tie-break ', @order, ' on ', @ref,
                                 ': placed ', @placed, ' ', @with, $nl)"/>
  </xsl:template>

  <xsl:template match="e:gate">
    <xsl:value-of select="concat('bid ', ../@id, ' gate ', @ref, ' failed: ', normalize-space(), $nl)"/>
  </xsl:template>

  <xsl:template match="e:score">
    <xsl:value-of select="concat('bid ', ../@id, ' score ', @ref, ' ')"/>
    <xsl:call-template name="value">
      <xsl:with-param name="value" select="@points"/>
      <xsl:with-param name="display" select="@display"/>
    </xsl:call-template>
    <xsl:value-of select="concat(' of ', @max)"/>
    <xsl:if test="@state != 'scored'">
      <xsl:value-of select="concat(' ', @state)"/>
    </xsl:if>
    <xsl:if test="@price-minor">
      <xsl:value-of select="concat(' price-minor ', @price-minor)"/>
    </xsl:if>
    <xsl:if test="@state != 'scored' and @state != 'subtotal'">
      <xsl:value-of select="concat(': ', normalize-space())"/>
    </xsl:if>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="e:flag">
    <xsl:value-of select="concat('bid ', ../@id, ' flag ', @ref, ' ', @severity)"/>
    <xsl:if test="@questions">
      <xsl:value-of select="concat(' questions ', @questions)"/>
    </xsl:if>
    <xsl:if test="@decision">
      <xsl:value-of select="concat(' decision ', @decision, ' on ', @decided, ' by ', @decided-by)"/>
    </xsl:if>
    <xsl:value-of select="concat(': ', normalize-space(), $nl)"/>
  </xsl:template>

  <xsl:template match="e:conflict">
    <xsl:value-of select="concat('bid ', ../@id, ' conflict ', @evaluator, ': ', @organisation, ' is ')"/>
    <xsl:choose>
      <xsl:when test="@relation = 'bidder'">the bidder </xsl:when>
      <xsl:otherwise>a member </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat(@party, ', ', @managed, $nl)"/>
  </xsl:template>

  <xsl:template match="e:panel-record">
    <xsl:value-of select="concat('bid ', ../@id, ' panel ', @ref, ' ', @question, ' ', @basis)"/>
    <xsl:if test="@value">
      <xsl:text> </xsl:text>
      <xsl:call-template name="value">
        <xsl:with-param name="value" select="@value"/>
        <xsl:with-param name="display" select="@display"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="@rounded = 'true'"> rounded</xsl:if>
    <xsl:value-of select="concat(' counted ', @counted)"/>
    <xsl:if test="@low">
      <xsl:value-of select="concat(' low ', @low, ' high ', @high)"/>
    </xsl:if>
    <xsl:text>:</xsl:text>
    <xsl:for-each select="e:mark">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:value-of select="concat(' ', @evaluator)"/>
      <xsl:if test="@value">
        <xsl:text> </xsl:text>
        <xsl:call-template name="value">
          <xsl:with-param name="value" select="@value"/>
          <xsl:with-param name="display" select="@display"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="@state != 'counted'">
        <xsl:value-of select="concat(' ', @state)"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each select="e:moderated">
      <xsl:value-of select="concat('; moderated ', @value, ' agreed by ', @agreed-by)"/>
      <xsl:if test="normalize-space()">
        <xsl:value-of select="concat(': ', normalize-space())"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>
</xsl:stylesheet>
