<?xml version="1.0" encoding="UTF-8"?>
<!--
  pa-summary.xsl - the assessment summary for one supplier that submitted an
  assessed tender, Procurement Act 2023 s.50(3)-(5)
  (https://www.legislation.gov.uk/ukpga/2023/54/section/50) with the content
  of the Procurement Regulations 2024 (SI 2024/692) reg 31
  (https://www.legislation.gov.uk/uksi/2024/692/regulation/31), as one
  printable HTML page.

  Sections (data-element): reg31-2-a (supplier name), reg31-2-b (contact
  address), reg31-2-c (unique identifier), reg31-2-d (award criteria: title,
  relative importance, how assessed and the scores available), reg31-2-e (the
  tender's score per criterion with its explanation, sub-totals and total),
  for a tender other than the most advantageous: reg31-3-mat (the most
  advantageous tender's reg 31(2)(e) information) and reg31-3-c (further
  explanation why the contract is not awarded to the supplier); and the
  abnormally low price exchange (alp) and the standstill end (standstill).

  Input: evaluation.xml (urn:tender:evaluation:1) with regime="pa-2023".
  Parameters:
    bid     the id of the supplier's tender (required);
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
  <xsl:variable name="contact" select="$tender/e:contact"/>
  <xsl:variable name="rs" select="$ev/e:ruleset"/>
  <xsl:variable name="bids" select="$ev/e:bids/e:bid"/>
  <xsl:variable name="firsts" select="$bids[@rank = 1]"/>
  <xsl:variable name="w" select="$firsts[count($firsts) = 1]"/>
  <xsl:variable name="b" select="$bids[@id = $bid][1]"/>
  <xsl:variable name="scale" select="number($rs/@scale)"/>
  <xsl:variable name="ends" select="($tender/e:standstill/@ends | $tender[not(e:standstill)]/@standstill-ends)[1]"/>

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

  <!-- the scores of one tender, criterion by criterion, with the explanation -->
  <xsl:template name="scores">
    <xsl:param name="of"/>
    <table>
      <thead><tr><th>Criterion</th><th class="num">Score</th><th class="num">Available</th><th>Explanation</th></tr></thead>
      <tbody>
        <xsl:for-each select="$rs/e:criteria//*[self::e:group or self::e:criterion]">
          <xsl:variable name="id" select="@id"/>
          <xsl:variable name="s" select="$of/e:score[@ref = $id]"/>
          <tr data-criterion="{@id}">
            <td style="padding-left: {6 + 14 * count(ancestor::e:group)}px">
              <xsl:if test="self::e:group"><xsl:attribute name="style">font-weight: 700</xsl:attribute></xsl:if>
              <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
            </td>
            <td class="num"><xsl:choose><xsl:when test="$s/@display"><xsl:call-template name="text"><xsl:with-param name="s" select="$s/@display"/></xsl:call-template></xsl:when><xsl:otherwise>not scored</xsl:otherwise></xsl:choose></td>
            <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
            <td class="note"><xsl:call-template name="text"><xsl:with-param name="s" select="$s"/></xsl:call-template></td>
          </tr>
        </xsl:for-each>
        <tr class="total"><td>Total</td><td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="$of/@display"/></xsl:call-template></td><td class="num"><xsl:value-of select="$scale"/></td><td/></tr>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="/">
    <xsl:if test="not($ev)">
      <xsl:message terminate="yes">pa-summary.xsl: the input is not an evaluation result (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <xsl:if test="not($b)">
      <xsl:message terminate="yes">pa-summary.xsl: no bid with the id given in the parameter "bid"</xsl:message>
    </xsl:if>
    <html lang="en-GB">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tender reports/pa-summary.xsl"/>
        <title>
          <xsl:if test="$draft = 'yes'">DRAFT &#x2014; not for issue: </xsl:if>
          <xsl:text>Assessment summary: </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@bidder"/></xsl:call-template>
        </title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <xsl:call-template name="draft-banner"/>
        <div class="sheet">
          <header>
            <div class="org"><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template></div>
            <div class="sub">Procurement Act 2023 s.50(3); Procurement Regulations 2024 reg 31</div>
            <h1>Assessment summary</h1>
            <div class="sub">
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
              <xsl:text>, procurement </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template>
            </div>
          </header>

          <p>
            <xsl:choose>
              <xsl:when test="$w and $w/@id = $b/@id">Your tender is the most advantageous tender. <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template> intends to award the contract to you.</xsl:when>
              <xsl:otherwise>Your tender is not the most advantageous tender and the contract will not be awarded to you. This summary explains how your tender and the most advantageous tender were assessed.</xsl:otherwise>
            </xsl:choose>
          </p>

          <section data-element="reg31-2-a">
            <h2>Supplier <span class="src">reg 31(2)(a)</span></h2>
            <p><b><bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$b/@bidder"/></xsl:call-template></bdi></b></p>
          </section>
          <section data-element="reg31-2-b">
            <h2>Contact postal address and email address <span class="src">reg 31(2)(b)</span></h2>
            <p>
              <xsl:choose>
                <xsl:when test="normalize-space($b/@bidder-address)"><xsl:call-template name="text"><xsl:with-param name="s" select="$b/@bidder-address"/></xsl:call-template></xsl:when>
                <xsl:otherwise><b>Not given in the tender</b></xsl:otherwise>
              </xsl:choose>
              <xsl:text>; email: </xsl:text><b>not recorded in evaluation.xml</b> (add before issue)
            </p>
          </section>
          <section data-element="reg31-2-c">
            <h2>Unique identifier <span class="src">reg 31(2)(c)</span></h2>
            <p>Tender <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@id"/></xsl:call-template>; the supplier&#x2019;s unique identifier on the central digital platform is <b>not recorded in evaluation.xml</b> (add before issue).</p>
          </section>

          <section data-element="reg31-2-d">
            <h2>The award criteria <span class="src">reg 31(2)(d)</span></h2>
            <p>A summary: each criterion&#x2019;s title, its relative importance (points out of <xsl:value-of select="$scale"/>) and how it was assessed. The award criteria and assessment methodology are set out in full in the tender documents.</p>
            <table>
              <thead><tr><th>Criterion</th><th class="num">Points available</th><th class="num">Weight</th><th>How assessed</th></tr></thead>
              <tbody>
                <xsl:for-each select="$rs/e:criteria//*[self::e:group or self::e:criterion]">
                  <tr>
                    <td style="padding-left: {6 + 14 * count(ancestor::e:group)}px"><xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template></td>
                    <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
                    <td class="num"><xsl:value-of select="format-number(@points * 100 div $scale, '0.0')"/>%</td>
                    <td class="note"><xsl:choose><xsl:when test="self::e:group">sum of its criteria</xsl:when><xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="@method"/></xsl:call-template></xsl:otherwise></xsl:choose></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </section>

          <section data-element="reg31-2-e">
            <h2>How your tender was assessed <span class="src">reg 31(2)(e), (3)(b)</span></h2>
            <xsl:call-template name="scores"><xsl:with-param name="of" select="$b"/></xsl:call-template>
          </section>

          <xsl:if test="not($w and $w/@id = $b/@id)">
            <section data-element="reg31-3-mat">
              <h2>How the most advantageous tender was assessed<xsl:if test="$w">: <bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder"/></xsl:call-template></bdi></xsl:if> <span class="src">s.50(4)(b); reg 31(3)</span></h2>
              <xsl:choose>
                <xsl:when test="$w"><xsl:call-template name="scores"><xsl:with-param name="of" select="$w"/></xsl:call-template></xsl:when>
                <xsl:otherwise><p>There is no single most advantageous tender.</p></xsl:otherwise>
              </xsl:choose>
            </section>
            <section data-element="reg31-3-c">
              <h2>Why the contract is not being awarded to you <span class="src">reg 31(3)(c)</span></h2>
              <xsl:choose>
                <xsl:when test="$b/@rank">
                  <p>Your tender scored <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@display"/></xsl:call-template> and ranked <xsl:value-of select="$b/@rank"/>; the most advantageous tender scored <xsl:call-template name="text"><xsl:with-param name="s" select="$w/@display"/></xsl:call-template>. Its relative advantages, criterion by criterion:</p>
                  <ul>
                    <xsl:for-each select="$rs/e:criteria/*[self::e:group or self::e:criterion]">
                      <xsl:variable name="id" select="@id"/>
                      <xsl:variable name="mine" select="number($b/e:score[@ref = $id]/@points)"/>
                      <xsl:variable name="theirs" select="number($w/e:score[@ref = $id]/@points)"/>
                      <xsl:if test="$theirs &gt; $mine">
                        <li><xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>: <xsl:value-of select="format-number($theirs, '0.00')"/> against your <xsl:value-of select="format-number($mine, '0.00')"/></li>
                      </xsl:if>
                    </xsl:for-each>
                  </ul>
                </xsl:when>
                <xsl:otherwise>
                  <p>Your tender was not ranked: it did not meet <xsl:for-each select="$b/e:gate[@passed = 'false']"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:variable name="g" select="@ref"/><xsl:call-template name="text"><xsl:with-param name="s" select="$rs/e:gates/e:gate[@id = $g]/e:title"/></xsl:call-template></xsl:for-each>.</p>
                </xsl:otherwise>
              </xsl:choose>
            </section>
          </xsl:if>

          <xsl:for-each select="$b/e:flag[@ref = 'abnormally-low-price']">
            <section data-element="alp">
              <h2>Abnormally low price <span class="src">Procurement Act 2023 (abnormally low tenders)</span></h2>
              <p data-element="alp-requested">Explanation requested: <xsl:choose><xsl:when test="@explanation-requested"><xsl:call-template name="date"><xsl:with-param name="d" select="@explanation-requested"/></xsl:call-template></xsl:when><xsl:otherwise><b>no request recorded</b></xsl:otherwise></xsl:choose></p>
              <p data-element="alp-reply">Your reply: <xsl:choose><xsl:when test="@explanation-replied"><xsl:call-template name="date"><xsl:with-param name="d" select="@explanation-replied"/></xsl:call-template><xsl:if test="e:explanation">: <xsl:call-template name="text"><xsl:with-param name="s" select="e:explanation"/></xsl:call-template></xsl:if></xsl:when><xsl:otherwise><b>no reply recorded</b></xsl:otherwise></xsl:choose></p>
              <p data-element="alp-decision">Decision: <xsl:choose><xsl:when test="@decision = 'excluded'">your tender was disregarded (<xsl:call-template name="date"><xsl:with-param name="d" select="(@decided | @decision-date)[1]"/></xsl:call-template>): <xsl:call-template name="text"><xsl:with-param name="s" select="@decision-note"/></xsl:call-template></xsl:when><xsl:when test="@decision">the explanation was accepted and your tender assessed (<xsl:call-template name="date"><xsl:with-param name="d" select="(@decided | @decision-date)[1]"/></xsl:call-template>): <xsl:call-template name="text"><xsl:with-param name="s" select="@decision-note"/></xsl:call-template></xsl:when><xsl:otherwise><b>no decision recorded</b></xsl:otherwise></xsl:choose></p>
            </section>
          </xsl:for-each>

          <section data-element="standstill">
            <h2>Standstill <span class="src">Procurement Act 2023 s.51</span></h2>
            <p>The contract award notice will be published after this summary is provided; the contract will not be entered into before the end of the mandatory standstill period of eight working days beginning with the day the notice is published<xsl:if test="$ends">, expected to end at midnight at the end of <b><xsl:call-template name="date"><xsl:with-param name="d" select="$ends"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template></b></xsl:if>.</p>
            <xsl:if test="$contact"><p>Questions to <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@name"/></xsl:call-template><xsl:if test="$contact/@email">, <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@email"/></xsl:call-template></xsl:if>.</p></xsl:if>
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
