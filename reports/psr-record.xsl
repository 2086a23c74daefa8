<?xml version="1.0" encoding="UTF-8"?>
<!--
  psr-record.xsl - the record a relevant authority must keep of a contract
  award under the Health Care Services (Provider Selection Regime)
  Regulations 2023, regulation 24 (information requirements;
  https://www.legislation.gov.uk/uksi/2023/1348/regulation/24), for an award
  under the Competitive Process, as one printable HTML page.

  Each item is one <section data-element="...">: reg24-a to reg24-f for
  regulation 24(a) to (f) (reg24-f holds reg24-f-key-criteria,
  reg24-justification, reg24-f-selection and reg24-f-award), then
  reg24-reasons, reg24-conflicts and reg24-flags for the record's further
  items (see reports/README.md for the source of each). A test checks each by name (tests/e2e/regime-documents).

  Input: evaluation.xml (urn:tender:evaluation:1) with regime="psr-2023".
  Parameters:
    draft   'yes': every page carries "DRAFT - not for issue".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tender:evaluation:1"
                exclude-result-prefixes="e">

  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="draft" select="'no'"/>

  <xsl:variable name="ev" select="/e:evaluation"/>
  <xsl:variable name="tender" select="$ev/e:tender"/>
  <xsl:variable name="rs" select="$ev/e:ruleset"/>
  <xsl:variable name="panel" select="$ev/e:panel"/>
  <xsl:variable name="bids" select="$ev/e:bids/e:bid"/>
  <xsl:variable name="firsts" select="$bids[@rank = 1]"/>
  <xsl:variable name="w" select="$firsts[count($firsts) = 1]"/>
  <xsl:variable name="scale" select="number($rs/@scale)"/>
  <xsl:variable name="keyed" select="$rs/e:criteria//*[@key-criterion][not(ancestor::*[@key-criterion])]"/>

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

  <xsl:template match="/">
    <xsl:if test="not($ev)">
      <xsl:message terminate="yes">psr-record.xsl: the input is not an evaluation result (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <html lang="en-GB">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tender reports/psr-record.xsl"/>
        <title>
          <xsl:if test="$draft = 'yes'">DRAFT &#x2014; not for issue: </xsl:if>
          <xsl:text>Record of the award decision: </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
        </title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <xsl:call-template name="draft-banner"/>
        <div class="sheet">
          <header>
            <div class="org"><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template></div>
            <div class="sub">Health Care Services (Provider Selection Regime) Regulations 2023, regulation 24: record of the award</div>
            <h1>Record of the award decision</h1>
            <div class="sub">
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
              <xsl:text>, reference </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template>
              <xsl:if test="$tender/@notice-date">
                <xsl:text>; notice of intention to award </xsl:text>
                <xsl:call-template name="date"><xsl:with-param name="d" select="$tender/@notice-date"/></xsl:call-template>
              </xsl:if>
            </div>
          </header>

          <section data-element="reg24-a">
            <h2>(a) Provider to whom the contract is awarded <span class="src">reg 24(a)</span></h2>
            <xsl:choose>
              <xsl:when test="$w"><p><b><bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder"/></xsl:call-template></bdi></b> (tender <xsl:call-template name="text"><xsl:with-param name="s" select="$w/@id"/></xsl:call-template>)</p></xsl:when>
              <xsl:otherwise><p><b>No single highest-ranked bid</b>: no provider can be recorded until the panel resolves the outcome.</p></xsl:otherwise>
            </xsl:choose>
          </section>

          <section data-element="reg24-b">
            <h2>(b) Provider party to a framework agreement <span class="src">reg 24(b)</span></h2>
            <p>Not applicable: a contract is awarded; no framework agreement is concluded.</p>
          </section>

          <section data-element="reg24-c">
            <h2>(c) Address of the registered office or principal place of business <span class="src">reg 24(c)</span></h2>
            <p>
              <xsl:choose>
                <xsl:when test="normalize-space($w/@bidder-address)"><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder-address"/></xsl:call-template></xsl:when>
                <xsl:otherwise><b>Not given in the bid</b> (&lt;registered-address&gt;).</xsl:otherwise>
              </xsl:choose>
            </p>
          </section>

          <section data-element="reg24-d">
            <h2>(d) The decision-making process followed, and who made the decisions <span class="src">reg 24(d)</span></h2>
            <p>The Competitive Process (regulation 11). Tenders were assessed against the published contract award criteria of rule set <xsl:call-template name="text"><xsl:with-param name="s" select="concat($rs/@id, ' ', $rs/@version)"/></xsl:call-template> (SHA-256 <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@sha256"/></xsl:call-template>)<xsl:if test="$panel">; the written answers were scored by an evaluation panel, each question&#x2019;s score being the <xsl:call-template name="text"><xsl:with-param name="s" select="$panel/@method"/></xsl:call-template> of at least <xsl:call-template name="text"><xsl:with-param name="s" select="$panel/@min-evaluators"/></xsl:call-template> evaluators&#x2019; scores, or a moderated score agreed by the panel</xsl:if>.</p>
            <p>Individuals making decisions:</p>
            <ul>
              <xsl:for-each select="$tender/e:decision-makers/e:decision-maker">
                <li data-person="decision-maker"><b><xsl:call-template name="text"><xsl:with-param name="s" select="@name"/></xsl:call-template></b>, <xsl:call-template name="text"><xsl:with-param name="s" select="@role"/></xsl:call-template></li>
              </xsl:for-each>
              <xsl:for-each select="$panel/e:evaluator">
                <li data-person="evaluator"><xsl:call-template name="text"><xsl:with-param name="s" select="concat(@id, ' ', @name)"/></xsl:call-template>, <xsl:call-template name="text"><xsl:with-param name="s" select="@role"/></xsl:call-template> (evaluation panel)</li>
              </xsl:for-each>
            </ul>
            <xsl:if test="not($tender/e:decision-makers/e:decision-maker)"><p><b>The tender names no decision-makers</b> (&lt;decision-makers&gt;).</p></xsl:if>
          </section>

          <section data-element="reg24-e">
            <h2>(e) Direct Award Process C or Most Suitable Provider Process <span class="src">reg 24(e)</span></h2>
            <p>Not applicable: the Competitive Process was followed (see (f)).</p>
          </section>

          <section data-element="reg24-f">
            <h2>(f) How the key criteria were taken into account, the basic selection criteria assessed and the contract award criteria evaluated <span class="src">reg 24(f); reg 5; reg 19</span></h2>
            <div data-element="reg24-f-key-criteria">
              <p>The key criteria were taken into account through the contract award criteria, with these weights:</p>
              <table>
                <thead><tr><th>Key criterion</th><th>Award criteria</th><th class="num">Points</th><th class="num">%</th></tr></thead>
                <tbody>
                  <xsl:for-each select="$keyed">
                    <xsl:sort select="@key-criterion"/>
                    <tr>
                      <td><xsl:call-template name="key-criterion-name"><xsl:with-param name="k" select="@key-criterion"/></xsl:call-template></td>
                      <td><xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template></td>
                      <td class="num"><xsl:value-of select="format-number(@points, '0.00')"/></td>
                      <td class="num"><xsl:value-of select="format-number(@points * 100 div $scale, '0.0')"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
              <xsl:if test="not($keyed)"><p><b>The rule set maps no criterion to a key criterion</b> (key-criterion attributes).</p></xsl:if>
            </div>
            <p data-element="reg24-justification">Why the key criteria weigh as they do:
              <xsl:choose>
                <xsl:when test="normalize-space($rs/e:key-criteria/e:justification)"><xsl:call-template name="text"><xsl:with-param name="s" select="$rs/e:key-criteria/e:justification"/></xsl:call-template></xsl:when>
                <xsl:otherwise><b>none written in the rule set</b> (&lt;key-criteria&gt;&lt;justification&gt;).</xsl:otherwise>
              </xsl:choose>
            </p>
            <div data-element="reg24-f-selection">
              <p>Basic selection criteria and other conditions (gates), each assessed on every tender:</p>
              <table>
                <thead><tr><th>Gate</th><th class="num">Tenders meeting it</th><th class="num">Not meeting it</th></tr></thead>
                <tbody>
                  <xsl:for-each select="$rs/e:gates/e:gate">
                    <xsl:variable name="id" select="@id"/>
                    <tr>
                      <td><xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template></td>
                      <td class="num"><xsl:value-of select="count($bids/e:gate[@ref = $id][@passed = 'true'])"/></td>
                      <td class="num"><xsl:value-of select="count($bids/e:gate[@ref = $id][@passed = 'false'])"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
            <div data-element="reg24-f-award">
              <p>The contract award criteria were evaluated by rule set <xsl:call-template name="text"><xsl:with-param name="s" select="concat($rs/@id, ' ', $rs/@version)"/></xsl:call-template>: every score of every tender, with its explanation, is in the evaluation report and in evaluation.xml (SHA-256 of the rule set <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@sha256"/></xsl:call-template>). Totals below.</p>
            </div>
          </section>

          <section data-element="reg24-reasons">
            <h2>Reasons for the decision <span class="src">reg 24</span></h2>
            <xsl:if test="$w"><p><bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder"/></xsl:call-template></bdi> obtained the highest total score against the award criteria, <xsl:call-template name="text"><xsl:with-param name="s" select="$w/@display"/></xsl:call-template> out of <xsl:value-of select="$scale"/>.</p></xsl:if>
            <table>
              <thead><tr><th class="num">Rank</th><th>Tender</th><th>Provider</th><th class="num">Total</th></tr></thead>
              <tbody>
                <xsl:for-each select="$bids[@rank]">
                  <xsl:sort select="@rank" data-type="number"/>
                  <tr><td class="num"><xsl:value-of select="@rank"/></td><td><xsl:call-template name="text"><xsl:with-param name="s" select="@id"/></xsl:call-template></td><td><xsl:call-template name="text"><xsl:with-param name="s" select="@bidder"/></xsl:call-template></td><td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td></tr>
                </xsl:for-each>
                <xsl:for-each select="$bids[not(@rank)]">
                  <tr><td class="num">&#x2013;</td><td><xsl:call-template name="text"><xsl:with-param name="s" select="@id"/></xsl:call-template></td><td><xsl:call-template name="text"><xsl:with-param name="s" select="@bidder"/></xsl:call-template></td><td class="num">not ranked<xsl:for-each select="e:gate[@passed = 'false']">: failed <xsl:call-template name="text"><xsl:with-param name="s" select="@ref"/></xsl:call-template></xsl:for-each></td></tr>
                </xsl:for-each>
              </tbody>
            </table>
          </section>

          <section data-element="reg24-conflicts">
            <h2>Declared conflicts of interest and how they were managed <span class="src">reg 21; reg 24</span></h2>
            <ul>
              <xsl:for-each select="$panel/e:evaluator/e:interest">
                <xsl:variable name="id" select="../@id"/>
                <xsl:variable name="org" select="@organisation"/>
                <li>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="concat(../@id, ' ', ../@name)"/></xsl:call-template>
                  <xsl:text> declared an interest in </xsl:text>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="$org"/></xsl:call-template>
                  <xsl:text> (</xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="@nature"/></xsl:call-template><xsl:text>): </xsl:text>
                  <xsl:choose>
                    <xsl:when test="$bids/e:conflict[@evaluator = $id][@organisation = $org]">
                      <xsl:for-each select="$bids/e:conflict[@evaluator = $id][@organisation = $org]">
                        <xsl:if test="position() &gt; 1">; </xsl:if>
                        <xsl:text>concerns tender </xsl:text>
                        <xsl:call-template name="text"><xsl:with-param name="s" select="../@id"/></xsl:call-template>
                        <xsl:text> (</xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="@relation"/></xsl:call-template><xsl:text>); </xsl:text>
                        <xsl:choose>
                          <xsl:when test="@managed = 'excluded'">the evaluator&#x2019;s scores for it were excluded</xsl:when>
                          <xsl:otherwise>the evaluator&#x2019;s scores for it were kept</xsl:otherwise>
                        </xsl:choose>
                      </xsl:for-each>
                    </xsl:when>
                    <xsl:otherwise>concerns no bidder or consortium member; the evaluator took full part</xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
              <xsl:for-each select="$bids/e:flag[@ref = 'conflict-of-interest']">
                <li>Tender <xsl:call-template name="text"><xsl:with-param name="s" select="../@id"/></xsl:call-template> declared a conflict: <xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template>
                  <xsl:choose>
                    <xsl:when test="@decision"> Panel decision: <xsl:call-template name="text"><xsl:with-param name="s" select="@decision-note"/></xsl:call-template></xsl:when>
                    <xsl:otherwise> <b> No panel decision recorded.</b></xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
              <xsl:if test="not($panel/e:evaluator/e:interest or $bids/e:flag[@ref = 'conflict-of-interest'])"><li>None declared.</li></xsl:if>
            </ul>
          </section>

          <section data-element="reg24-flags">
            <h2>Matters the panel decided before award</h2>
            <ul>
              <xsl:for-each select="$bids/e:flag[@severity = 'critical' or @severity = 'high']">
                <li>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="concat(../@id, ' ', @ref, ' (', @severity, '): ')"/></xsl:call-template>
                  <xsl:choose>
                    <xsl:when test="@decision">
                      <xsl:value-of select="@decision"/>
                      <xsl:text> on </xsl:text>
                      <xsl:call-template name="date"><xsl:with-param name="d" select="(@decided | @decision-date)[1]"/></xsl:call-template>
                      <xsl:text>: </xsl:text>
                      <xsl:call-template name="text"><xsl:with-param name="s" select="@decision-note"/></xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise><b>no decision recorded</b></xsl:otherwise>
                  </xsl:choose>
                </li>
              </xsl:for-each>
            </ul>
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
