<?xml version="1.0" encoding="UTF-8"?>
<!--
  psr-disclosure.xsl - what a relevant authority gives a provider that made
  representations during the standstill period of the Health Care Services
  (Provider Selection Regime) Regulations 2023: regulation 12(4)(b) ("provide
  promptly any information requested by an aggrieved provider where the
  relevant authority has a duty to record that information under regulation
  24"; https://www.legislation.gov.uk/uksi/2023/1348/regulation/12). From the
  panel record: for each question, each evaluator's score and comment on the
  provider's own tender and on the chosen provider's, and the reasoning of
  each moderated score.

  Sections (data-element): disclosure-own, disclosure-winner,
  disclosure-moderation. One printable HTML page.

  Input: evaluation.xml (urn:tender:evaluation:1) with regime="psr-2023".
  Parameters:
    bid     the id of the tender of the provider making representations (required);
    draft   'yes': every page carries "DRAFT - not for issue".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tender:evaluation:1"
                exclude-result-prefixes="e">

  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="bid" select="''"/>
  <xsl:param name="draft" select="'no'"/>

  <xsl:variable name="ev" select="/e:evaluation"/>
  <xsl:variable name="tender" select="$ev/e:tender"/>
  <xsl:variable name="rs" select="$ev/e:ruleset"/>
  <xsl:variable name="panel" select="$ev/e:panel"/>
  <xsl:variable name="bids" select="$ev/e:bids/e:bid"/>
  <xsl:variable name="firsts" select="$bids[@rank = 1]"/>
  <xsl:variable name="w" select="$firsts[count($firsts) = 1]"/>
  <xsl:variable name="b" select="$bids[@id = $bid][1]"/>

  <!-- ============================================ shared with the other regime documents
       (the engine refuses xsl:include, so each template carries its own copy) -->

  <xsl:variable name="bidi" select="'&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;'"/>
  <xsl:variable name="bidi-hex" select="'202A202B202C202D202E2066206720682069'"/>

  <!-- a value from the input; a bidi control character is written as [U+XXXX] -->
  <xsl:template name="text">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="translate($s, $bidi, '') = $s"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="string-length($s) = 1">
        <xsl:value-of select="concat('[U+', substring($bidi-hex, 4 * string-length(substring-before($bidi, $s)) + 1, 4), ']')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="h" select="floor(string-length($s) div 2)"/>
        <xsl:call-template name="text"><xsl:with-param name="s" select="substring($s, 1, $h)"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="s" select="substring($s, $h + 1)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- YYYY-MM-DD as "Thursday 8 April 2027" (weekday optional) -->
  <xsl:template name="date">
    <xsl:param name="d"/>
    <xsl:param name="weekday" select="false()"/>
    <xsl:variable name="y" select="number(substring($d, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:variable name="day" select="number(substring($d, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($d) != 10 or substring($d, 5, 1) != '-' or substring($d, 8, 1) != '-'
                      or not($y &gt; 0) or not($m &gt;= 1 and $m &lt;= 12) or not($day &gt;= 1 and $day &lt;= 31)">
        <xsl:call-template name="text"><xsl:with-param name="s" select="$d"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$weekday">
          <xsl:variable name="yy" select="$y - number($m &lt; 3)"/>
          <xsl:variable name="dow" select="($yy + floor($yy div 4) - floor($yy div 100) + floor($yy div 400)
                                            + number(substring('032503514624', $m, 1)) + $day) mod 7"/>
          <xsl:value-of select="normalize-space(substring('Sunday    Monday    Tuesday   Wednesday Thursday  Friday    Saturday  ', $dow * 10 + 1, 10))"/>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:value-of select="concat($day, ' ',
            normalize-space(substring('January  February March    April    May      June     July     August   SeptemberOctober  November December ', ($m - 1) * 9 + 1, 9)),
            ' ', $y)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- an amount in minor units (pence) with the tender's currency -->
  <xsl:template name="money">
    <xsl:param name="minor"/>
    <xsl:choose>
      <xsl:when test="string(number($minor)) = 'NaN'">not stated</xsl:when>
      <xsl:otherwise>
        <xsl:if test="$tender/@currency = 'GBP'">&#x00A3;</xsl:if>
        <xsl:value-of select="format-number(number($minor) div 100, '#,##0.00')"/>
        <xsl:if test="$tender/@currency != 'GBP'">
          <xsl:text> </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@currency"/></xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- PSR 2023 reg 5(1) key criteria, by the contract's tokens -->
  <xsl:template name="key-criterion-name">
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$k = 'quality-innovation'">Quality and innovation</xsl:when>
      <xsl:when test="$k = 'value'">Value</xsl:when>
      <xsl:when test="$k = 'integration-collaboration-sustainability'">Integration, collaboration and service sustainability</xsl:when>
      <xsl:when test="$k = 'access-inequalities-choice'">Improving access, reducing health inequalities and facilitating choice</xsl:when>
      <xsl:when test="$k = 'social-value'">Social value</xsl:when>
      <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="$k"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "DRAFT — not for issue": at the top of the page on screen, and on
       every printed page (a fixed element repeats on each page) -->
  <xsl:template name="draft-banner">
    <xsl:if test="$draft = 'yes'">
      <div class="draft" data-element="draft" role="note">DRAFT &#x2014; not for issue</div>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="css">
* { box-sizing: border-box; }
body { margin: 0; background: #e9edf1; color: #1b2733;
       font: 11pt/1.5 Arial, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", sans-serif; }
.sheet { width: 210mm; min-height: 297mm; margin: 12px auto; background: #fff; padding: 18mm 20mm 20mm; }
.draft { background: #a4001d; color: #fff; font-weight: 700; text-align: center; padding: 6px 10px;
         letter-spacing: .08em; text-transform: uppercase; }
header { border-bottom: 2px solid #1f4e79; padding-bottom: 8px; margin-bottom: 16px; }
header .org { font-size: 16pt; font-weight: 700; color: #1f4e79; }
header .sub { font-size: 9pt; color: #52606d; }
h1 { font-size: 15pt; margin: 10px 0 4px; }
h2 { font-size: 11.5pt; margin: 18px 0 6px; color: #1f4e79; }
h2 .src, .src { font-weight: 400; font-size: 8.5pt; color: #7b8794; }
p { margin: 7px 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 6px 0 4px; }
th, td { border-bottom: 1px solid #c9d1d9; padding: 3px 6px; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #52606d; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 1.5px solid #52606d; }
.note { font-size: 9pt; color: #52606d; }
.ref { margin-top: 28px; border-top: 1px solid #c9d1d9; padding-top: 6px; font-size: 8pt; color: #7b8794; overflow-wrap: anywhere; }
@page { size: A4; margin: 18mm 18mm 18mm; }
@media print {
  body { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; }
  .draft { position: fixed; top: -12mm; left: 0; right: 0; background: none; color: #a4001d;
           border: 1.5px solid #a4001d; padding: 2px; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
  </xsl:variable>

  <!-- one tender's panel records: question, evaluator, state, score, comment -->
  <xsl:template name="marks">
    <xsl:param name="of"/>
    <xsl:for-each select="$of/e:panel-record">
      <h3>
        <xsl:call-template name="text"><xsl:with-param name="s" select="@question"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:variable name="ref" select="@ref"/>
        <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/e:criteria//e:criterion[@id = $ref]/e:title"/></xsl:call-template>
        <xsl:text> &#x2014; panel score </xsl:text>
        <xsl:choose>
          <xsl:when test="@display"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></xsl:when>
          <xsl:otherwise>none</xsl:otherwise>
        </xsl:choose>
        <xsl:text> (</xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="@basis"/></xsl:call-template><xsl:text>)</xsl:text>
      </h3>
      <table>
        <thead><tr><th>Evaluator</th><th>State</th><th class="num">Score</th><th>Comment</th></tr></thead>
        <tbody>
          <xsl:for-each select="e:mark">
            <xsl:variable name="id" select="@evaluator"/>
            <tr data-evaluator="{@evaluator}">
              <td><xsl:call-template name="text"><xsl:with-param name="s" select="concat(@evaluator, ' ', $panel/e:evaluator[@id = $id]/@name)"/></xsl:call-template></td>
              <td><xsl:call-template name="text"><xsl:with-param name="s" select="@state"/></xsl:call-template></td>
              <td class="num"><xsl:choose><xsl:when test="@display"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></xsl:when><xsl:otherwise>&#x2013;</xsl:otherwise></xsl:choose></td>
              <td><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:for-each>
    <xsl:if test="not($of/e:panel-record)"><p>No panel record: the tender was not scored by the panel.</p></xsl:if>
  </xsl:template>

  <xsl:template name="moderation">
    <xsl:param name="of"/>
    <xsl:for-each select="$of/e:panel-record[e:moderated]">
      <li>
        <xsl:call-template name="text"><xsl:with-param name="s" select="concat($of/@id, ', ', @question, ': moderated to ', e:moderated/@display, e:moderated/@value[not(../@display)], ', agreed by ', e:moderated/@agreed-by, ': ')"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="normalize-space(e:moderated)"><xsl:call-template name="text"><xsl:with-param name="s" select="e:moderated"/></xsl:call-template></xsl:when>
          <xsl:otherwise><b>no reasoning recorded</b></xsl:otherwise>
        </xsl:choose>
      </li>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="/">
    <xsl:if test="not($ev)">
      <xsl:message terminate="yes">psr-disclosure.xsl: the input is not an evaluation result (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <xsl:if test="not($b)">
      <xsl:message terminate="yes">psr-disclosure.xsl: no bid with the id given in the parameter "bid"</xsl:message>
    </xsl:if>
    <html lang="en-GB">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tender reports/psr-disclosure.xsl"/>
        <title>
          <xsl:if test="$draft = 'yes'">DRAFT &#x2014; not for issue: </xsl:if>
          <xsl:text>Information under regulation 12(4)(b): </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@bidder"/></xsl:call-template>
        </title>
        <style><xsl:value-of select="$css"/> h3 { font-size: 10pt; margin: 12px 0 2px; }</style>
      </head>
      <body>
        <xsl:call-template name="draft-banner"/>
        <div class="sheet">
          <header>
            <div class="org"><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template></div>
            <div class="sub">Health Care Services (Provider Selection Regime) Regulations 2023, regulation 12(4)(b): information recorded under regulation 24, given to a provider that made representations</div>
            <h1>Evaluation information for <bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$b/@bidder"/></xsl:call-template></bdi></h1>
            <div class="sub">
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
              <xsl:text>, reference </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template>
              <xsl:text>; your tender </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@id"/></xsl:call-template>
            </div>
          </header>

          <section data-element="disclosure-own">
            <h2>Your tender: each evaluator&#x2019;s score and comment, question by question <span class="src">reg 12(4)(b); reg 24</span></h2>
            <xsl:call-template name="marks"><xsl:with-param name="of" select="$b"/></xsl:call-template>
          </section>

          <section data-element="disclosure-winner">
            <h2>The chosen provider&#x2019;s tender<xsl:if test="$w">, <bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder"/></xsl:call-template></bdi></xsl:if> <span class="src">reg 12(4)(b); reg 24</span></h2>
            <xsl:choose>
              <xsl:when test="not($w)"><p>There is no single chosen provider.</p></xsl:when>
              <xsl:when test="$w/@id = $b/@id"><p>Your tender is the chosen provider&#x2019;s: see above.</p></xsl:when>
              <xsl:otherwise><xsl:call-template name="marks"><xsl:with-param name="of" select="$w"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </section>

          <section data-element="disclosure-moderation">
            <h2>Reasoning of each moderated score <span class="src">reg 12(4)(b); reg 24</span></h2>
            <xsl:choose>
              <xsl:when test="$b/e:panel-record/e:moderated or $w[@id != $b/@id]/e:panel-record/e:moderated">
                <ul>
                  <xsl:call-template name="moderation"><xsl:with-param name="of" select="$b"/></xsl:call-template>
                  <xsl:if test="$w[@id != $b/@id]"><xsl:call-template name="moderation"><xsl:with-param name="of" select="$w"/></xsl:call-template></xsl:if>
                </ul>
              </xsl:when>
              <xsl:otherwise><p>No score of either tender was moderated: each panel score is the <xsl:call-template name="text"><xsl:with-param name="s" select="$panel/@method"/></xsl:call-template> of the evaluators&#x2019; scores counted above.</p></xsl:otherwise>
            </xsl:choose>
          </section>

          <div class="ref">
            <xsl:text>Evaluation of </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@created"/></xsl:call-template>
            <xsl:text> by tender </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@engine-version"/></xsl:call-template>
          </div>
        </div>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
