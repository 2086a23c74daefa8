<?xml version="1.0" encoding="UTF-8"?>
<!--
  pa-notice.xsl - the data of the contract award notice, Procurement Act 2023
  s.50(1)-(2) (https://www.legislation.gov.uk/ukpga/2023/54/section/50) with
  the information of the Procurement Regulations 2024 (SI 2024/692) reg 27
  (https://www.legislation.gov.uk/uksi/2024/692/regulation/27), and the end
  of the mandatory standstill period (s.51), as one printable HTML page to
  check before the notice is entered on the central digital platform.

  Sections (data-element): s50-2-a (intention to enter into the contract),
  reg27-2-a (contracting authority), reg27-2-b (title), reg27-2-c (unique
  identifiers), reg27-2-d (contract subject-matter), reg27-2-e (each supplier
  awarded: name, contact postal address), standstill (s.51), and alp (the
  abnormally low price exchanges, for the record). Items of reg 27 that
  evaluation.xml does not carry are marked "not recorded in evaluation.xml".

  Input: evaluation.xml (urn:tender:evaluation:1) with regime="pa-2023".
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
  <xsl:variable name="contact" select="$tender/e:contact"/>
  <xsl:variable name="rs" select="$ev/e:ruleset"/>
  <xsl:variable name="bids" select="$ev/e:bids/e:bid"/>
  <xsl:variable name="firsts" select="$bids[@rank = 1]"/>
  <xsl:variable name="w" select="$firsts[count($firsts) = 1]"/>
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

  <xsl:template match="/">
    <xsl:if test="not($ev)">
      <xsl:message terminate="yes">pa-notice.xsl: the input is not an evaluation result (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <xsl:if test="not($w)">
      <xsl:message terminate="yes">pa-notice.xsl: no single most advantageous tender: there is no supplier to name in a contract award notice</xsl:message>
    </xsl:if>
    <html lang="en-GB">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tender reports/pa-notice.xsl"/>
        <title>
          <xsl:if test="$draft = 'yes'">DRAFT &#x2014; not for issue: </xsl:if>
          <xsl:text>Contract award notice: </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
        </title>
        <style><xsl:value-of select="$css"/></style>
      </head>
      <body>
        <xsl:call-template name="draft-banner"/>
        <div class="sheet">
          <header>
            <div class="org"><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template></div>
            <div class="sub">Procurement Act 2023 s.50(1)&#x2013;(2); Procurement Regulations 2024 reg 27: the information of the contract award notice</div>
            <h1>Contract award notice</h1>
            <xsl:if test="$tender/@notice-date"><div class="sub">To be published on <xsl:call-template name="date"><xsl:with-param name="d" select="$tender/@notice-date"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template></div></xsl:if>
          </header>

          <section data-element="s50-2-a">
            <h2>Intention to enter into the contract <span class="src">s.50(2)(a)</span></h2>
            <p><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template> intends to enter into the contract with the supplier named below.</p>
          </section>
          <section data-element="reg27-2-a">
            <h2>Contracting authority <span class="src">reg 27(2)(a)</span></h2>
            <p><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template><xsl:if test="$contact/@address">, <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@address"/></xsl:call-template></xsl:if><xsl:if test="$contact">; contact <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@name"/></xsl:call-template><xsl:if test="$contact/@email">, <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@email"/></xsl:call-template></xsl:if></xsl:if></p>
          </section>
          <section data-element="reg27-2-b">
            <h2>Title of the procurement <span class="src">reg 27(2)(b)</span></h2>
            <p><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template></p>
          </section>
          <section data-element="reg27-2-c">
            <h2>Unique identifiers <span class="src">reg 27(2)(c)</span></h2>
            <p>Procurement: <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template> (the commissioner&#x2019;s reference; the central digital platform&#x2019;s identifiers of the procurement and of the contract are <b>not recorded in evaluation.xml</b>). Not awarded under a framework or by reference to a dynamic market.</p>
          </section>
          <section data-element="reg27-2-d">
            <h2>Contract subject-matter <span class="src">reg 27(2)(d)</span></h2>
            <xsl:choose>
              <xsl:when test="$tender/e:services"><p><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:services"/></xsl:call-template> (CPV <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:services/@cpv"/></xsl:call-template>)</p></xsl:when>
              <xsl:otherwise><p><b>Not described in the tender</b> (&lt;services&gt;).</p></xsl:otherwise>
            </xsl:choose>
          </section>
          <section data-element="reg27-2-e">
            <h2>Supplier awarded the contract <span class="src">reg 27(2)(e)</span></h2>
            <p><b><bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder"/></xsl:call-template></bdi></b></p>
            <p>Contact postal address: <xsl:choose><xsl:when test="normalize-space($w/@bidder-address)"><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@bidder-address"/></xsl:call-template></xsl:when><xsl:otherwise><b>not given in the tender</b></xsl:otherwise></xsl:choose>; email address, unique identifier, consortium and SME status: <b>not recorded in evaluation.xml</b>.</p>
            <p>Contract value (the supplier&#x2019;s total price): <b><xsl:call-template name="money"><xsl:with-param name="minor" select="$w/e:score[@price-minor][1]/@price-minor"/></xsl:call-template></b></p>
          </section>
          <section data-element="standstill">
            <h2>Standstill period <span class="src">s.51(1)&#x2013;(2)</span></h2>
            <p>The mandatory standstill period is eight working days beginning with the day this notice is published; the contract will not be entered into before it ends at midnight at the end of <b><xsl:call-template name="date"><xsl:with-param name="d" select="$ends"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template></b>.</p>
            <xsl:if test="$tender/e:standstill/e:skipped[@source != 'weekend']">
              <p class="note">Not working days: <xsl:for-each select="$tender/e:standstill/e:skipped[@source != 'weekend']"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:call-template name="text"><xsl:with-param name="s" select="@reason"/></xsl:call-template> (<xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template>)</xsl:for-each>, and Saturdays and Sundays.</p>
            </xsl:if>
          </section>
          <xsl:if test="$bids/e:flag[@ref = 'abnormally-low-price']">
            <section data-element="alp">
              <h2>Abnormally low prices (for the record, not for publication)</h2>
              <ul>
                <xsl:for-each select="$bids/e:flag[@ref = 'abnormally-low-price']">
                  <li>
                    <xsl:call-template name="text"><xsl:with-param name="s" select="concat(../@id, ' ', ../@bidder)"/></xsl:call-template>
                    <xsl:text>: explanation requested </xsl:text>
                    <xsl:choose><xsl:when test="@explanation-requested"><xsl:call-template name="date"><xsl:with-param name="d" select="@explanation-requested"/></xsl:call-template></xsl:when><xsl:otherwise>(no request recorded)</xsl:otherwise></xsl:choose>
                    <xsl:text>; reply </xsl:text>
                    <xsl:choose><xsl:when test="@explanation-replied"><xsl:call-template name="date"><xsl:with-param name="d" select="@explanation-replied"/></xsl:call-template></xsl:when><xsl:otherwise>(none recorded)</xsl:otherwise></xsl:choose>
                    <xsl:text>; panel decision: </xsl:text>
                    <xsl:choose><xsl:when test="@decision"><xsl:value-of select="@decision"/>: <xsl:call-template name="text"><xsl:with-param name="s" select="@decision-note"/></xsl:call-template></xsl:when><xsl:otherwise><b>none recorded</b></xsl:otherwise></xsl:choose>
                  </li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
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
