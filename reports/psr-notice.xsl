<?xml version="1.0" encoding="UTF-8"?>
<!--
  psr-notice.xsl - the notice of intention to award a contract under the
  Competitive Process of the Health Care Services (Provider Selection Regime)
  Regulations 2023 (SI 2023/1348): every element of Schedule 10
  (https://www.legislation.gov.uk/uksi/2023/1348/schedule/10), then the
  standstill period of regulation 12 and how to make representations, as one
  printable HTML page.

  Each Schedule 10 paragraph N is one <section id="sch10-N" data-element="sch10-N">;
  the regulation 12 items are reg12-standstill and reg12-representations. A test
  checks each by name (tests/e2e/regime-documents); reports/README.md gives
  the statutory source of each.

  Input: evaluation.xml (urn:tender:evaluation:1) with regime="psr-2023".
  Parameters:
    draft   'yes': every page carries "DRAFT - not for issue".

  Every value from the input is written with xsl:value-of (escaped by the html
  output method); never use disable-output-escaping.
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
  <xsl:variable name="contact" select="$tender/e:contact"/>
  <xsl:variable name="rs" select="$ev/e:ruleset"/>
  <xsl:variable name="panel" select="$ev/e:panel"/>
  <xsl:variable name="bids" select="$ev/e:bids/e:bid"/>
  <xsl:variable name="firsts" select="$bids[@rank = 1]"/>
  <xsl:variable name="w" select="$firsts[count($firsts) = 1]"/>
  <xsl:variable name="scale" select="number($rs/@scale)"/>
  <xsl:variable name="ends" select="($tender/e:standstill/@ends | $tender[not(e:standstill)]/@standstill-ends)[1]"/>
  <!-- the items carrying a key criterion, outermost only -->
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

  <!-- ============================================================ page -->

  <xsl:template match="/">
    <xsl:if test="not($ev)">
      <xsl:message terminate="yes">psr-notice.xsl: the input is not an evaluation result (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <xsl:if test="not($w)">
      <xsl:message terminate="yes">psr-notice.xsl: no single highest-ranked bid: there is no chosen provider to name in a notice of intention to award</xsl:message>
    </xsl:if>
    <html lang="en-GB">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tender reports/psr-notice.xsl"/>
        <title>
          <xsl:if test="$draft = 'yes'">DRAFT &#x2014; not for issue: </xsl:if>
          <xsl:text>Notice of intention to award: </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
        </title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <xsl:call-template name="draft-banner"/>
        <div class="sheet">
          <header>
            <div class="org"><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template></div>
            <div class="sub">Health Care Services (Provider Selection Regime) Regulations 2023, regulation 11(9) and Schedule 10: notice of intention to make an award under the Competitive Process</div>
            <h1>Notice of intention to award a contract</h1>
            <xsl:if test="$tender/@notice-date">
              <div class="sub">Date of this notice: <xsl:call-template name="date"><xsl:with-param name="d" select="$tender/@notice-date"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template></div>
            </xsl:if>
          </header>

          <section id="sch10-1" data-element="sch10-1">
            <h2>1. Statement of intention <span class="src">Sch 10 para 1</span></h2>
            <p><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template> is intending to award a contract to a provider under the Competitive Process.</p>
          </section>

          <section id="sch10-2" data-element="sch10-2">
            <h2>2. Contract title and reference <span class="src">Sch 10 para 2</span></h2>
            <p><b><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template></b>, reference <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template></p>
          </section>

          <section id="sch10-3" data-element="sch10-3">
            <h2>3. The chosen provider <span class="src">Sch 10 para 3</span></h2>
            <p><b><bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder"/></xsl:call-template></bdi></b></p>
            <p>Registered office or principal place of business:
              <xsl:choose>
                <xsl:when test="normalize-space($w/@bidder-address)"><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder-address"/></xsl:call-template></xsl:when>
                <xsl:otherwise><b>not given in the bid</b> (add the registered address to the bid&#x2019;s &lt;registered-address&gt; before issue)</xsl:otherwise>
              </xsl:choose>
            </p>
          </section>

          <section id="sch10-4" data-element="sch10-4">
            <h2>4. The relevant health care services <span class="src">Sch 10 para 4</span></h2>
            <xsl:choose>
              <xsl:when test="$tender/e:services">
                <p><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:services"/></xsl:call-template></p>
                <p>Most relevant CPV code: <b><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:services/@cpv"/></xsl:call-template></b></p>
              </xsl:when>
              <xsl:otherwise><p><b>Not described in the tender</b> (add &lt;services cpv="..."&gt; to the tender before issue).</p></xsl:otherwise>
            </xsl:choose>
          </section>

          <section id="sch10-5" data-element="sch10-5">
            <h2>5. Framework agreement <span class="src">Sch 10 para 5</span></h2>
            <p>This notice relates to the award of a contract, not to the conclusion of a framework agreement: there is no framework duration and no other relevant authority able to use one.</p>
          </section>

          <section id="sch10-6" data-element="sch10-6">
            <h2>6. Approximate lifetime value <span class="src">Sch 10 para 6</span></h2>
            <p><b><xsl:call-template name="money"><xsl:with-param name="minor" select="$w/e:score[@price-minor][1]/@price-minor"/></xsl:call-template></b>: the chosen provider&#x2019;s total price for the whole term of the contract.</p>
          </section>

          <section id="sch10-7" data-element="sch10-7">
            <h2>7. The decision-makers <span class="src">Sch 10 para 7</span></h2>
            <xsl:if test="$tender/e:decision-makers/e:decision-maker">
              <ul>
                <xsl:for-each select="$tender/e:decision-makers/e:decision-maker">
                  <li><b><xsl:call-template name="text"><xsl:with-param name="s" select="@name"/></xsl:call-template></b>, <xsl:call-template name="text"><xsl:with-param name="s" select="@role"/></xsl:call-template></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
            <xsl:if test="$panel/e:evaluator">
              <p>The evaluation panel:</p>
              <ul>
                <xsl:for-each select="$panel/e:evaluator">
                  <li><xsl:call-template name="text"><xsl:with-param name="s" select="@name"/></xsl:call-template>, <xsl:call-template name="text"><xsl:with-param name="s" select="@role"/></xsl:call-template></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </section>

          <section id="sch10-8" data-element="sch10-8">
            <h2>8. Reasons for selecting the chosen provider, with reference to the key criteria <span class="src">Sch 10 para 8; reg 5</span></h2>
            <p>The decision-makers selected <bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder"/></xsl:call-template></bdi> because its tender obtained the highest total score, <b><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@display"/></xsl:call-template></b> out of <xsl:value-of select="$scale"/>, against the contract award criteria published in the tender documents, which give effect to the key criteria as follows:</p>
            <table>
              <thead><tr><th>Key criterion</th><th class="num">Weight (points)</th><th class="num">Weight (%)</th><th class="num">Chosen provider&#x2019;s points</th></tr></thead>
              <tbody>
                <xsl:for-each select="$keyed">
                  <xsl:sort select="@key-criterion"/>
                  <xsl:variable name="k" select="@key-criterion"/>
                  <xsl:if test="not(preceding::*[@key-criterion = $k][not(ancestor::*[@key-criterion])][ancestor::e:criteria])">
                    <xsl:variable name="items" select="$keyed[@key-criterion = $k]"/>
                    <tr data-key-criterion="{$k}">
                      <td><xsl:call-template name="key-criterion-name"><xsl:with-param name="k" select="$k"/></xsl:call-template></td>
                      <td class="num"><xsl:value-of select="format-number(sum($items/@points), '0.00')"/></td>
                      <td class="num"><xsl:value-of select="format-number(sum($items/@points) * 100 div $scale, '0.0')"/></td>
                      <td class="num"><xsl:value-of select="format-number(sum($w/e:score[@ref = $items/@id]/@points), '0.00')"/></td>
                    </tr>
                  </xsl:if>
                </xsl:for-each>
                <tr class="total"><td>Total</td><td class="num"><xsl:value-of select="format-number(sum($keyed/@points), '0.00')"/></td><td class="num"><xsl:value-of select="format-number(sum($keyed/@points) * 100 div $scale, '0.0')"/></td><td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@display"/></xsl:call-template></td></tr>
              </tbody>
            </table>
            <xsl:if test="not($keyed)"><p><b>The rule set maps no criterion to a key criterion</b> (key-criterion attributes): the reasons cannot refer to the key criteria until it does.</p></xsl:if>
            <xsl:if test="$rs/e:key-criteria/e:justification">
              <p>Why the key criteria weigh as they do: <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/e:key-criteria/e:justification"/></xsl:call-template></p>
            </xsl:if>
          </section>

          <section id="sch10-9" data-element="sch10-9">
            <h2>9. Declared conflicts or potential conflicts of interest <span class="src">Sch 10 para 9</span></h2>
            <xsl:choose>
              <xsl:when test="$panel/e:evaluator/e:interest or $bids/e:flag[@ref = 'conflict-of-interest']">
                <ul>
                  <xsl:for-each select="$panel/e:evaluator/e:interest">
                    <li data-conflict="evaluator"><xsl:call-template name="text"><xsl:with-param name="s" select="../@name"/></xsl:call-template> (<xsl:call-template name="text"><xsl:with-param name="s" select="../@role"/></xsl:call-template>) declared an interest in <xsl:call-template name="text"><xsl:with-param name="s" select="@organisation"/></xsl:call-template>: <xsl:call-template name="text"><xsl:with-param name="s" select="@nature"/></xsl:call-template>.</li>
                  </xsl:for-each>
                  <xsl:for-each select="$bids/e:flag[@ref = 'conflict-of-interest']">
                    <li data-conflict="bidder">A bidder declared a conflict of interest with the relevant authority.</li>
                  </xsl:for-each>
                </ul>
              </xsl:when>
              <xsl:otherwise><p>None was declared.</p></xsl:otherwise>
            </xsl:choose>
          </section>

          <section id="sch10-10" data-element="sch10-10">
            <h2>10. How the conflicts or potential conflicts were managed <span class="src">Sch 10 para 10; reg 21</span></h2>
            <xsl:choose>
              <xsl:when test="$panel/e:evaluator/e:interest or $bids/e:flag[@ref = 'conflict-of-interest']">
                <ul>
                  <xsl:for-each select="$panel/e:evaluator/e:interest">
                    <xsl:variable name="id" select="../@id"/>
                    <xsl:variable name="org" select="@organisation"/>
                    <xsl:variable name="hits" select="$bids/e:conflict[@evaluator = $id][@organisation = $org]"/>
                    <li>
                      <xsl:call-template name="text"><xsl:with-param name="s" select="../@name"/></xsl:call-template>
                      <xsl:text>, interest in </xsl:text>
                      <xsl:call-template name="text"><xsl:with-param name="s" select="$org"/></xsl:call-template>
                      <xsl:text>: </xsl:text>
                      <xsl:choose>
                        <xsl:when test="$hits[@managed = 'excluded']">the organisation is the bidder or a member of a bidder&#x2019;s consortium; this evaluator&#x2019;s scores for that bid were excluded from moderation and took no part in its evaluation.</xsl:when>
                        <xsl:when test="$hits[@managed = 'kept']">the organisation is the bidder or a member of a bidder&#x2019;s consortium; the panel recorded the interest and kept this evaluator&#x2019;s scores for that bid.</xsl:when>
                        <xsl:otherwise>no bidder or member of a bidder&#x2019;s consortium is concerned; the evaluator took full part.</xsl:otherwise>
                      </xsl:choose>
                    </li>
                  </xsl:for-each>
                  <xsl:for-each select="$bids/e:flag[@ref = 'conflict-of-interest']">
                    <li>
                      <xsl:text>Conflict declared by a bidder: </xsl:text>
                      <xsl:choose>
                        <xsl:when test="@decision-note"><xsl:call-template name="text"><xsl:with-param name="s" select="@decision-note"/></xsl:call-template></xsl:when>
                        <xsl:otherwise><b>the panel has recorded no decision on it</b>.</xsl:otherwise>
                      </xsl:choose>
                    </li>
                  </xsl:for-each>
                </ul>
              </xsl:when>
              <xsl:otherwise><p>No conflict was declared, so none needed managing.</p></xsl:otherwise>
            </xsl:choose>
          </section>

          <section id="sch10-11" data-element="sch10-11">
            <h2>11. Framework agreement used <span class="src">Sch 10 para 11</span></h2>
            <p>No framework agreement was used: the contract is awarded following the Competitive Process.</p>
          </section>

          <section id="reg12-standstill" data-element="reg12-standstill">
            <h2>Standstill period <span class="src">reg 12(1)&#x2013;(3)</span></h2>
            <p>The contract will not be entered into before the end of the standstill period. The standstill period begins on the day after the day this notice is published. Representations may be made before <b>midnight at the end of <xsl:call-template name="date"><xsl:with-param name="d" select="$ends"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template></b>, the 8th working day after the day the standstill period begins.</p>
            <xsl:if test="$tender/e:standstill/e:skipped[@source != 'weekend']">
              <p class="note">Not counted as working days: <xsl:for-each select="$tender/e:standstill/e:skipped[@source != 'weekend']"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:call-template name="text"><xsl:with-param name="s" select="@reason"/></xsl:call-template> (<xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template>)</xsl:for-each>, and Saturdays and Sundays.</p>
            </xsl:if>
          </section>

          <section id="reg12-representations" data-element="reg12-representations">
            <h2>How to make representations <span class="src">reg 12(3)&#x2013;(4)</span></h2>
            <p>Any provider of the services who is aggrieved by the decision and believes that there has been a failure to comply with the Regulations may make written representations before the end of the time above, to
              <xsl:choose>
                <xsl:when test="$contact">
                  <b><xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@name"/></xsl:call-template></b>, <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@role"/></xsl:call-template>
                  <xsl:if test="$contact/@email">, <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@email"/></xsl:call-template></xsl:if>
                  <xsl:if test="$contact/@address">, <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@address"/></xsl:call-template></xsl:if>
                </xsl:when>
                <xsl:otherwise>the contact named in the tender documents</xsl:otherwise>
              </xsl:choose>.
              A provider making representations will be given the information the relevant authority must record under regulation 24 that it requests.</p>
          </section>

          <div class="ref">
            <xsl:text>Evaluation of </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@created"/></xsl:call-template>
            <xsl:text> by tender </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@engine-version"/></xsl:call-template>
            <xsl:text>; rule set </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="concat($rs/@id, ' ', $rs/@version, ', SHA-256 ', $rs/@sha256)"/></xsl:call-template>
          </div>
        </div>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
