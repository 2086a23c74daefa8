<?xml version="1.0" encoding="UTF-8"?>
<!--
  letter.xsl - the debrief letter to one bidder: the notice of the decision
  under the Public Contracts Regulations 2015 reg 86 (award criteria; reasons,
  including the characteristics and relative advantages of the successful
  tender; the recipient's and the successful tenderer's scores; the successful
  tenderer's name; the end of the standstill period under reg 87), as one
  printable HTML page. This is the LEGACY regime (regime pcr-2015, or
  nhs-2013 with the PCR 2015 light-touch regime, regs 74-76 and 86-87):
  procurements begun before 24 February 2025 (1 January 2024 for NHS health
  care). An evaluation.xml without a regime attribute (engine 0.2 and older)
  is read as pcr-2015 with its decision-date as the notice date; one with the
  <standstill> element (issue 13) gives the period's length and end.

  Input: evaluation.xml (namespace urn:tender:evaluation:1).
  Parameters:
    bid              the id of the bid whose bidder receives the letter
                     (required);
    explanations     'yes' (default) quotes the engine's explanation of each
                     score in the comparison with the successful tender; 'no'
                     leaves them out;
    draft            'yes': the page carries "DRAFT - not for issue" (on
                     screen at the top, in print on every page);
    disclose-prices  'no' (default) leaves out the explanations of price
                     criteria, which quote the lowest compliant price (another
                     tenderer's) and the successful tenderer's price; 'yes'
                     quotes them. Decide with your legal adviser.

  The wording is the commissioner's to change: edit the text below, keep the
  statutory content. Every value from the input is written with xsl:value-of
  (escaped by the html output method); never use disable-output-escaping.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tender:evaluation:1"
                exclude-result-prefixes="e">

  <xsl:output method="html" encoding="UTF-8" indent="yes"
              doctype-system="about:legacy-compat"/>

  <xsl:strip-space elements="*"/>

  <xsl:param name="bid" select="''"/>
  <!-- which of several bids with this id (they are kept, never ranked) -->
  <xsl:param name="occurrence" select="1"/>
  <xsl:param name="explanations" select="'yes'"/>
  <xsl:param name="disclose-prices" select="'no'"/>
  <xsl:param name="draft" select="'no'"/>

  <!-- the regulations, as cited in the letter -->
  <xsl:variable name="regs" select="'the Public Contracts Regulations 2015'"/>

  <xsl:variable name="ev" select="/e:evaluation"/>
  <xsl:variable name="tender" select="$ev/e:tender"/>
  <xsl:variable name="contact" select="$tender/e:contact"/>
  <!-- the engine 0.3 format: without regime the evaluation is pcr-2015 and decision-date
       is the notice date; the <standstill> element, when there, wins over
       the old standstill-days attribute -->
  <xsl:variable name="notice-date" select="($tender/@notice-date | $tender[not(@notice-date)]/@decision-date)[1]"/>
  <xsl:variable name="ss" select="$tender/e:standstill"/>
  <xsl:variable name="ss-days" select="($ss/@days | $tender[not(e:standstill)]/@standstill-days)[1]"/>
  <xsl:variable name="ss-ends" select="($ss/@ends | $tender[not(e:standstill)]/@standstill-ends)[1]"/>
  <xsl:variable name="rs" select="$ev/e:ruleset"/>
  <xsl:variable name="top" select="$rs/e:criteria/*[self::e:group or self::e:criterion]"/>
  <xsl:variable name="bids" select="$ev/e:bids/e:bid"/>
  <xsl:variable name="firsts" select="$bids[@rank = 1]"/>
  <xsl:variable name="b" select="$bids[@id = $bid][position() = $occurrence]"/>
  <xsl:variable name="w" select="$firsts[count($firsts) = 1]"/>
  <xsl:variable name="scale" select="number($rs/@scale)"/>
  <xsl:variable name="pfmt">
    <xsl:choose>
      <xsl:when test="number($rs/@precision) &gt; 0">
        <xsl:value-of select="concat('0.', substring('000000', 1, number($rs/@precision)))"/>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="scale-display" select="format-number($scale, $pfmt)"/>

  <!-- winner | unsuccessful | noncompliant | tie | no-award -->
  <xsl:variable name="outcome">
    <xsl:choose>
      <xsl:when test="count($firsts) = 0">no-award</xsl:when>
      <xsl:when test="count($firsts) &gt; 1">tie</xsl:when>
      <xsl:when test="$b/@rank = 1">winner</xsl:when>
      <xsl:when test="$b/@rank">unsuccessful</xsl:when>
      <xsl:otherwise>noncompliant</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="bidi" select="'&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;'"/>
  <xsl:variable name="bidi-hex" select="'202A202B202C202D202E2066206720682069'"/>

  <!-- one bid's score for a criterion: key('bid-score', concat(generate-id($bid), ' ', $id)) -->
  <xsl:key name="bid-score" match="e:bids/e:bid/e:score" use="concat(generate-id(..), ' ', @ref)"/>
  <xsl:key name="gatedef" match="e:ruleset/e:gates/e:gate" use="@id"/>

  <!-- ======================================================= utilities -->

  <xsl:template name="text">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="translate($s, $bidi, '') = $s">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:when test="string-length($s) = 1">
        <xsl:value-of select="concat('[U+', substring($bidi-hex, 4 * string-length(substring-before($bidi, $s)) + 1, 4), ']')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="h" select="floor(string-length($s) div 2)"/>
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="substring($s, 1, $h)"/>
        </xsl:call-template>
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="substring($s, $h + 1)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="name">
    <xsl:param name="of"/>
    <bdi>
      <xsl:call-template name="text"><xsl:with-param name="s" select="$of/@bidder"/></xsl:call-template>
    </bdi>
  </xsl:template>

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

  <xsl:template name="points">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="not($s)">&#x2013;</xsl:when>
      <xsl:when test="$s/@state = 'scored' or $s/@state = 'subtotal'"><xsl:call-template name="text"><xsl:with-param name="s" select="$s/@display"/></xsl:call-template></xsl:when>
      <xsl:otherwise>not scored</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ page -->

  <xsl:template match="/">
    <xsl:if test="not($ev)">
      <xsl:message terminate="yes">letter.xsl: the input is not an evaluation result (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <xsl:if test="not($b)">
      <xsl:message terminate="yes">letter.xsl: no bid with the id given in the parameter "bid"</xsl:message>
    </xsl:if>
    <html lang="en-GB">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tender reports/letter.xsl"/>
        <title>
          <xsl:if test="$draft = 'yes'">DRAFT &#x2014; not for issue: </xsl:if>
          <xsl:text>Public Contracts Regulations 2015 (legacy regime): </xsl:text>
          <xsl:call-template name="subject"/>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@bidder"/></xsl:call-template>
        </title>
        <style>
* { box-sizing: border-box; }
body { margin: 0; background: #e9edf1; color: #1b2733;
       font: 11pt/1.5 Arial, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", sans-serif; }
.sheet { width: 210mm; min-height: 297mm; margin: 12px auto; background: #fff; padding: 18mm 20mm 20mm; }
.letterhead { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #1f4e79; padding-bottom: 8px; margin-bottom: 18px; }
.letterhead .org { font-size: 16pt; font-weight: 700; color: #1f4e79; }
.letterhead .address { font-size: 9pt; font-weight: 400; color: #52606d; margin-top: 2px; }
.letterhead .proc { font-size: 9pt; color: #52606d; text-align: right; max-width: 45%; }
.addr { display: flex; justify-content: space-between; gap: 24px; margin-bottom: 16px; }
.addr .to b { font-weight: 700; }
.addr .date { text-align: right; white-space: nowrap; }
.subject { font-weight: 700; margin: 14px 0; }
h2 { font-size: 11.5pt; margin: 18px 0 6px; color: #1f4e79; }
p { margin: 7px 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 6px 0 4px; }
th, td { border-bottom: 1px solid #c9d1d9; padding: 3px 6px; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #52606d; font-weight: 700; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.group td { font-weight: 700; background: #f3f5f8; }
tr.total td { font-weight: 700; border-top: 1.5px solid #52606d; }
td.d1 { padding-left: 18px; }
td.d2 { padding-left: 30px; }
td.d3 { padding-left: 42px; }
ul.adv { padding-left: 18px; margin: 6px 0; }
ul.adv li { margin: 6px 0; break-inside: avoid; }
.basis { font-size: 9.5pt; color: #3e4c59; }
.note { font-size: 9pt; color: #52606d; }
.decision { border-left: 4px solid #1f4e79; padding: 4px 12px; background: #f1f6fb; }
.sign { margin-top: 26px; }
.ref { margin-top: 28px; border-top: 1px solid #c9d1d9; padding-top: 6px; font-size: 8pt; color: #7b8794; overflow-wrap: anywhere; }
@page { size: A4; margin: 16mm 18mm 18mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, "Liberation Sans", sans-serif; color: #7b8794; } }
.regime { font-size: 8.5pt; color: #52606d; text-align: right; margin-bottom: 4px; }
@media print {
  body { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; }
  .decision, tr.group td { background: none; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
        </style>
        <xsl:if test="$draft = 'yes'">
          <style>
.draft { background: #a4001d; color: #fff; font-weight: 700; text-align: center; padding: 6px 10px; letter-spacing: .08em; text-transform: uppercase; }
@media print {
  .draft { position: fixed; top: -12mm; left: 0; right: 0; background: none; color: #a4001d; border: 1.5px solid #a4001d; padding: 2px; }
}
          </style>
        </xsl:if>
      </head>
      <body>
        <xsl:if test="$draft = 'yes'">
          <div class="draft" data-element="draft" role="note">DRAFT &#x2014; not for issue</div>
        </xsl:if>
        <div class="sheet">
          <div class="regime" data-element="regime">Public Contracts Regulations 2015 (legacy regime)<xsl:if test="$tender/@regime = 'nhs-2013'">: NHS (Procurement, Patient Choice and Competition) (No. 2) Regulations 2013 and the light-touch regime</xsl:if></div>
          <div class="letterhead">
            <div class="org">
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template>
              <xsl:if test="$contact/@address">
                <div class="address"><xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@address"/></xsl:call-template></div>
              </xsl:if>
            </div>
            <div class="proc">
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
              <br/>
              <xsl:text>Reference </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template>
            </div>
          </div>

          <div class="addr">
            <div class="to">
              <b><xsl:call-template name="name"><xsl:with-param name="of" select="$b"/></xsl:call-template></b>
              <br/>
              <xsl:text>Tender reference </xsl:text>
              <bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$b/@id"/></xsl:call-template></bdi>
              <xsl:if test="number($ss-days) = 10">
                <br/>
                <xsl:text>By electronic means</xsl:text>
              </xsl:if>
            </div>
            <div class="date">
              <xsl:call-template name="date"><xsl:with-param name="d" select="$notice-date"/></xsl:call-template>
            </div>
          </div>

          <p>Dear Sir or Madam</p>

          <p class="subject">
            <xsl:call-template name="subject"/>
            <xsl:text>: </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
            <xsl:text> (reference </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template>
            <xsl:text>)</xsl:text>
          </p>

          <xsl:choose>
            <xsl:when test="$outcome = 'winner'"><xsl:call-template name="letter-winner"/></xsl:when>
            <xsl:when test="$outcome = 'unsuccessful'"><xsl:call-template name="letter-unsuccessful"/></xsl:when>
            <xsl:when test="$outcome = 'noncompliant'"><xsl:call-template name="letter-noncompliant"/></xsl:when>
            <xsl:when test="$outcome = 'tie'"><xsl:call-template name="letter-tie"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="letter-no-award"/></xsl:otherwise>
          </xsl:choose>

          <xsl:choose>
            <xsl:when test="$contact">
              <p>
                <xsl:text>Please address any questions about this letter to </xsl:text>
                <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@name"/></xsl:call-template>
                <xsl:text>, </xsl:text>
                <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@role"/></xsl:call-template>
                <xsl:if test="$contact/@email">
                  <xsl:text> (</xsl:text>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@email"/></xsl:call-template>
                  <xsl:text>)</xsl:text>
                </xsl:if>
                <xsl:text>.</xsl:text>
              </p>
            </xsl:when>
            <xsl:otherwise>
              <p>Please address any questions about this letter to the contact named in the tender documents.</p>
            </xsl:otherwise>
          </xsl:choose>

          <div class="sign">
            <p>Yours faithfully</p>
            <p>
              <br/>
              <xsl:if test="$contact">
                <b><xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@name"/></xsl:call-template></b>
                <br/>
                <xsl:call-template name="text"><xsl:with-param name="s" select="$contact/@role"/></xsl:call-template>
                <br/>
              </xsl:if>
              <xsl:text>For and on behalf of </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template>
            </p>
          </div>

          <div class="ref">
            <xsl:text>Evaluation of </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@created"/></xsl:call-template>
            <xsl:text> by tender </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@engine-version"/></xsl:call-template>
            <xsl:text>; rule set </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="concat($rs/@id, ' ', $rs/@version)"/></xsl:call-template>
            <xsl:text>, SHA-256 </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@sha256"/></xsl:call-template>
            <xsl:if test="$b/@sha256">
              <xsl:text>; tender document received, SHA-256 </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@sha256"/></xsl:call-template>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </div>
        </div>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="subject">
    <xsl:choose>
      <xsl:when test="$outcome = 'winner'">Notice of intention to award the contract</xsl:when>
      <xsl:when test="$outcome = 'unsuccessful' or $outcome = 'noncompliant'">Notice of the decision to award the contract</xsl:when>
      <xsl:when test="$outcome = 'tie'">Outcome of the evaluation of tenders</xsl:when>
      <xsl:otherwise>Notice that no contract will be awarded</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================= letters -->

  <xsl:template name="letter-winner">
    <p>Thank you for your tender for the above contract. <xsl:call-template name="commissioner"/> has completed its evaluation of the tenders received against the award criteria published in the tender documents. This notice is given under regulation 86 of <xsl:value-of select="$regs"/> (&#x201C;the Regulations&#x201D;).</p>
    <p class="decision">I am pleased to inform you that your tender obtained the highest total score, <b><xsl:call-template name="text"><xsl:with-param name="s" select="$b/@display"/></xsl:call-template></b> out of <xsl:value-of select="$scale-display"/> points (<xsl:call-template name="text"><xsl:with-param name="s" select="$b/@percent"/></xsl:call-template>%), and that <xsl:call-template name="commissioner"/> intends to award the contract to you.</p>
    <p>This notice is not an acceptance of your tender and does not create a contract. The award is subject to the standstill period described in section 3 and to the completion of any pre-contract requirements set out in the tender documents. Every other tenderer is being notified of this decision at the same time.</p>
    <xsl:call-template name="award-criteria"><xsl:with-param name="n" select="1"/></xsl:call-template>
    <h2>2. Your score</h2>
    <xsl:call-template name="score-table">
      <xsl:with-param name="cols" select="$b"/>
      <xsl:with-param name="heads" select="'Your tender'"/>
    </xsl:call-template>
    <xsl:call-template name="standstill"><xsl:with-param name="n" select="3"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="letter-unsuccessful">
    <p>Thank you for your tender for the above contract. <xsl:call-template name="commissioner"/> has completed its evaluation of the tenders received against the award criteria published in the tender documents. This notice is given under regulation 86 of <xsl:value-of select="$regs"/> (&#x201C;the Regulations&#x201D;).</p>
    <p class="decision">I regret to inform you that your tender has not been successful. <xsl:call-template name="commissioner"/> has decided to award the contract to <b><xsl:call-template name="name"><xsl:with-param name="of" select="$w"/></xsl:call-template></b> (&#x201C;the successful tenderer&#x201D;), whose tender obtained the highest total score.</p>
    <xsl:call-template name="award-criteria"><xsl:with-param name="n" select="1"/></xsl:call-template>
    <h2>2. Your score and the successful tenderer&#x2019;s score</h2>
    <xsl:call-template name="score-table">
      <xsl:with-param name="cols" select="$b | $w"/>
      <xsl:with-param name="first" select="$b"/>
    </xsl:call-template>
    <h2>3. Reasons for the decision: the characteristics and relative advantages of the successful tender</h2>
    <p>The successful tender obtained a total score of <xsl:call-template name="text"><xsl:with-param name="s" select="$w/@display"/></xsl:call-template> out of <xsl:value-of select="$scale-display"/> points; your tender obtained <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@display"/></xsl:call-template>. The contract is to be awarded to the tender with the highest total score, as stated in the tender documents.</p>
    <xsl:call-template name="advantages"/>
    <xsl:call-template name="standstill"><xsl:with-param name="n" select="4"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="letter-noncompliant">
    <p>Thank you for your tender for the above contract. <xsl:call-template name="commissioner"/> has completed its evaluation of the tenders received. This notice is given under regulation 86 of <xsl:value-of select="$regs"/> (&#x201C;the Regulations&#x201D;).</p>
    <p class="decision">I regret to inform you that your tender has not been successful. <xsl:call-template name="commissioner"/> has decided to award the contract to <b><xsl:call-template name="name"><xsl:with-param name="of" select="$w"/></xsl:call-template></b> (&#x201C;the successful tenderer&#x201D;), whose tender obtained the highest total score, <xsl:call-template name="text"><xsl:with-param name="s" select="$w/@display"/></xsl:call-template> out of <xsl:value-of select="$scale-display"/> points.</p>
    <h2>1. Why your tender was rejected</h2>
    <xsl:call-template name="rejection"/>
    <xsl:call-template name="award-criteria"><xsl:with-param name="n" select="2"/></xsl:call-template>
    <h2>3. The successful tenderer&#x2019;s score</h2>
    <p>The successful tender obtained the following scores against the award criteria. These scores, and the successful tender&#x2019;s place as the tender with the highest total score, are the reasons for the decision to award the contract to it.</p>
    <xsl:call-template name="score-table">
      <xsl:with-param name="cols" select="$w"/>
      <xsl:with-param name="heads" select="'Successful tender'"/>
    </xsl:call-template>
    <xsl:call-template name="standstill"><xsl:with-param name="n" select="4"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="letter-tie">
    <p>Thank you for your tender for the above contract. <xsl:call-template name="commissioner"/> has completed its evaluation of the tenders received against the award criteria published in the tender documents. I am writing under regulation 55 of <xsl:value-of select="$regs"/> (&#x201C;the Regulations&#x201D;) to inform you of the position reached.</p>
    <p class="decision">The evaluation has resulted in an equal highest total score, <xsl:call-template name="text"><xsl:with-param name="s" select="$firsts[1]/@display"/></xsl:call-template> out of <xsl:value-of select="$scale-display"/> points, for <xsl:value-of select="count($firsts)"/> tenders, which the tie-break rules published in the tender documents did not separate. <b>No decision to award the contract has been made.</b>
      <xsl:text> </xsl:text><xsl:call-template name="commissioner"/> will resolve the tie as provided in the tender documents and will then send every tenderer a notice of its decision under regulation 86 of the Regulations. The standstill period under regulation 87 will run from that notice, not from this letter.</p>
    <xsl:choose>
      <xsl:when test="$b/@rank">
        <xsl:call-template name="award-criteria"><xsl:with-param name="n" select="1"/></xsl:call-template>
        <h2>2. Your score</h2>
        <xsl:if test="$b/@rank = 1">
          <p>Your tender is one of the tenders with the equal highest total score.</p>
        </xsl:if>
        <xsl:call-template name="score-table">
          <xsl:with-param name="cols" select="$b"/>
          <xsl:with-param name="heads" select="'Your tender'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <h2>1. Why your tender was rejected</h2>
        <xsl:call-template name="rejection"/>
        <xsl:call-template name="award-criteria"><xsl:with-param name="n" select="2"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="letter-no-award">
    <p>Thank you for your tender for the above contract. <xsl:call-template name="commissioner"/> has completed its evaluation of the tenders received. I am writing under regulation 55 of <xsl:value-of select="$regs"/> to inform you of its decision.</p>
    <p class="decision">None of the tenders received met every condition of participation published in the tender documents. <b>The competition has therefore not resulted in an award: no contract will be awarded as a result of this evaluation.</b>
      <xsl:text> </xsl:text><xsl:call-template name="commissioner"/> will inform tenderers separately of its intentions for this requirement.</p>
    <h2>1. Why your tender was rejected</h2>
    <xsl:call-template name="rejection"/>
    <xsl:call-template name="award-criteria"><xsl:with-param name="n" select="2"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="commissioner">
    <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template>
  </xsl:template>

  <!-- ======================================================== sections -->

  <xsl:template name="rejection">
    <xsl:variable name="failed" select="$b/e:gate[@passed = 'false']"/>
    <xsl:choose>
      <xsl:when test="$b/@evaluated = 'false'">
        <p>Your tender could not be evaluated, for the following reason(s):</p>
        <ul class="adv">
          <xsl:for-each select="$b/e:problem">
            <li><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></li>
          </xsl:for-each>
          <xsl:if test="not($b/e:problem)">
            <li>the tender document could not be read.</li>
          </xsl:if>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$failed">
          <p>Your tender did not meet the following condition<xsl:if test="count($failed) &gt; 1">s</xsl:if> of participation published in the tender documents:</p>
          <ul class="adv">
            <xsl:for-each select="$failed">
              <xsl:variable name="def" select="key('gatedef', @ref)"/>
              <li>
                <b><xsl:call-template name="text"><xsl:with-param name="s" select="$def/e:title"/></xsl:call-template></b>
                <xsl:text>. </xsl:text>
                <xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template>
                <div class="basis">Basis of this condition: <xsl:call-template name="text"><xsl:with-param name="s" select="$def/@cite"/></xsl:call-template>.</div>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="$b/e:exclusion">
          <p>
            <xsl:choose>
              <xsl:when test="$failed">In addition, your tender was excluded for the following reason: </xsl:when>
              <xsl:otherwise>Your tender was excluded for the following reason: </xsl:otherwise>
            </xsl:choose>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$b/e:exclusion"/></xsl:call-template>
            <xsl:text>.</xsl:text>
          </p>
        </xsl:if>
        <xsl:if test="$b/e:problem">
          <p>Parts of your tender could not be evaluated:</p>
          <ul class="adv">
            <xsl:for-each select="$b/e:problem">
              <li><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="not($failed) and not($b/e:exclusion) and not($b/e:problem)">
          <p>Your tender did not meet the conditions of participation published in the tender documents.</p>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <p>Your tender has therefore been rejected. It has not been given a score against the award criteria and has not been ranked.</p>
  </xsl:template>

  <xsl:template name="award-criteria">
    <xsl:param name="n"/>
    <h2><xsl:value-of select="$n"/>. The award criteria</h2>
    <p>Tenders were evaluated against the following award criteria and weightings, as published in the tender documents. A weighting in points is the criterion&#x2019;s maximum score; a percentage is a share of the maximum of the group above it or of the total. The maximum total score is <xsl:value-of select="$scale-display"/> points.</p>
    <table>
      <thead>
        <tr><th>Criterion</th><th class="num">Weighting as published</th><th class="num">Maximum points</th></tr>
      </thead>
      <tbody>
        <xsl:apply-templates select="$top" mode="criteria"/>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="e:group | e:criterion" mode="criteria">
    <xsl:variable name="depth" select="count(ancestor::e:group)"/>
    <tr>
      <xsl:if test="self::e:group"><xsl:attribute name="class">group</xsl:attribute></xsl:if>
      <td>
        <xsl:if test="$depth &gt; 0">
          <xsl:attribute name="class"><xsl:value-of select="concat('d', substring('123', 1 + number($depth &gt; 1) + number($depth &gt; 2), 1))"/></xsl:attribute>
        </xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
      </td>
      <td class="num">
        <xsl:call-template name="text"><xsl:with-param name="s" select="normalize-space(@weight)"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="contains(@weight, '%') and ancestor::e:group"> of the group</xsl:when>
          <xsl:when test="contains(@weight, '%')"> of the total</xsl:when>
          <xsl:when test="number(@weight) = 1"> point</xsl:when>
          <xsl:otherwise> points</xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
    </tr>
    <xsl:apply-templates select="e:group | e:criterion" mode="criteria"/>
  </xsl:template>

  <!-- the criteria with one column of scores per bid in $cols ($first, if
       given, is put first: the recipient before the successful tenderer) -->
  <xsl:template name="score-table">
    <xsl:param name="cols"/>
    <xsl:param name="first" select="/.."/>
    <xsl:param name="heads" select="''"/>
    <xsl:variable name="c1" select="$first | $cols[not($first)][1]"/>
    <xsl:variable name="c2" select="$cols[count(. | $c1) != count($c1)]"/>
    <table>
      <thead>
        <tr>
          <th>Criterion</th>
          <th class="num">Maximum</th>
          <xsl:choose>
            <xsl:when test="$c2">
              <th class="num">Your tender</th>
              <th class="num">Successful tender</th>
            </xsl:when>
            <xsl:otherwise>
              <th class="num"><xsl:value-of select="$heads"/></th>
            </xsl:otherwise>
          </xsl:choose>
        </tr>
      </thead>
      <tbody>
        <xsl:apply-templates select="$top" mode="scores">
          <xsl:with-param name="c1" select="$c1"/>
          <xsl:with-param name="c2" select="$c2"/>
        </xsl:apply-templates>
        <tr class="total">
          <td>Total</td>
          <td class="num"><xsl:value-of select="$scale-display"/></td>
          <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="$c1/@display"/></xsl:call-template></td>
          <xsl:if test="$c2"><td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="$c2/@display"/></xsl:call-template></td></xsl:if>
        </tr>
      </tbody>
    </table>
    <p class="note">Scores are shown to <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@precision"/></xsl:call-template> decimal places, each rounded half away from zero (0.125 is shown as 0.13); totals are calculated from the exact scores, so the figures shown may not add up exactly.</p>
  </xsl:template>

  <xsl:template match="e:group | e:criterion" mode="scores">
    <xsl:param name="c1"/>
    <xsl:param name="c2"/>
    <xsl:variable name="id" select="@id"/>
    <xsl:variable name="depth" select="count(ancestor::e:group)"/>
    <tr>
      <xsl:if test="self::e:group"><xsl:attribute name="class">group</xsl:attribute></xsl:if>
      <td>
        <xsl:if test="$depth &gt; 0">
          <xsl:attribute name="class"><xsl:value-of select="concat('d', substring('123', 1 + number($depth &gt; 1) + number($depth &gt; 2), 1))"/></xsl:attribute>
        </xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
      </td>
      <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
      <td class="num"><xsl:call-template name="points"><xsl:with-param name="s" select="key('bid-score', concat(generate-id($c1), ' ', $id))"/></xsl:call-template></td>
      <xsl:if test="$c2">
        <td class="num"><xsl:call-template name="points"><xsl:with-param name="s" select="key('bid-score', concat(generate-id($c2), ' ', $id))"/></xsl:call-template></td>
      </xsl:if>
    </tr>
    <xsl:apply-templates select="e:group | e:criterion" mode="scores">
      <xsl:with-param name="c1" select="$c1"/>
      <xsl:with-param name="c2" select="$c2"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- 'better' when the successful tender scored more on criterion $node
       than the recipient, 'worse' when less, 'same' otherwise (equal, or
       equal to the precision shown) -->
  <xsl:template name="compare">
    <xsl:param name="node"/>
    <xsl:variable name="id" select="$node/@id"/>
    <xsl:variable name="ws" select="key('bid-score', concat(generate-id($w), ' ', $id))"/>
    <xsl:variable name="bs" select="key('bid-score', concat(generate-id($b), ' ', $id))"/>
    <xsl:choose>
      <xsl:when test="string($ws/@display) = string($bs/@display)">same</xsl:when>
      <xsl:when test="number($ws/@points) - number($bs/@points) &gt; 1e-9">better</xsl:when>
      <xsl:when test="number($bs/@points) - number($ws/@points) &gt; 1e-9">worse</xsl:when>
      <xsl:otherwise>same</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- criteria where the successful tender scored more, and less -->
  <xsl:template name="advantages">
    <xsl:variable name="leaves" select="$rs/e:criteria//e:criterion"/>
    <xsl:variable name="marks">
      <xsl:for-each select="$leaves">
        <xsl:call-template name="compare"><xsl:with-param name="node" select="."/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($marks, 'better')">
        <p>The relative advantages of the successful tender are the criteria on which it scored more than your tender:</p>
        <ul class="adv">
          <xsl:call-template name="comparison">
            <xsl:with-param name="leaves" select="$leaves"/>
            <xsl:with-param name="which" select="'better'"/>
          </xsl:call-template>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p>The successful tender did not score more than your tender on any single criterion, to the precision shown; its higher total results from the sum of small differences or from the tie-break rules published in the tender documents.</p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="contains($marks, 'worse')">
      <p>Your tender scored more than the successful tender on:</p>
      <ul class="adv">
        <xsl:call-template name="comparison">
          <xsl:with-param name="leaves" select="$leaves"/>
          <xsl:with-param name="which" select="'worse'"/>
        </xsl:call-template>
      </ul>
    </xsl:if>
    <xsl:if test="contains($marks, 'same')">
      <p>On the remaining criteria the two tenders obtained the same score.</p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="comparison">
    <xsl:param name="leaves"/>
    <xsl:param name="which"/>
    <xsl:for-each select="$leaves">
      <xsl:variable name="id" select="@id"/>
      <xsl:variable name="ws" select="key('bid-score', concat(generate-id($w), ' ', $id))"/>
      <xsl:variable name="bs" select="key('bid-score', concat(generate-id($b), ' ', $id))"/>
      <xsl:variable name="c">
        <xsl:call-template name="compare"><xsl:with-param name="node" select="."/></xsl:call-template>
      </xsl:variable>
      <xsl:if test="$c = $which">
        <li>
          <b><xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template></b>
          <xsl:choose>
            <xsl:when test="$which = 'better'">
              <xsl:text>: the successful tender scored </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$ws/@display"/></xsl:call-template>
              <xsl:text> out of </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template>
              <xsl:text>; your tender scored </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$bs/@display"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>: your tender scored </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$bs/@display"/></xsl:call-template>
              <xsl:text> out of </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template>
              <xsl:text>; the successful tender scored </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$ws/@display"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:text>.</xsl:text>
          <xsl:call-template name="bases">
            <xsl:with-param name="node" select="."/>
            <xsl:with-param name="ws" select="$ws"/>
            <xsl:with-param name="bs" select="$bs"/>
          </xsl:call-template>
        </li>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- "4 (the median of 3 evaluators' scores)" -->
  <xsl:template name="panel-basis">
    <xsl:param name="rec"/>
    <xsl:choose>
      <xsl:when test="not($rec) or $rec/@basis = 'none'">no score</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="text"><xsl:with-param name="s" select="$rec/@value"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$rec/@basis = 'moderated'"> (agreed by the panel at moderation)</xsl:when>
          <xsl:otherwise>
            <xsl:text> (the </xsl:text>
            <xsl:value-of select="$rec/@basis"/>
            <xsl:text> of </xsl:text>
            <xsl:value-of select="number($rec/@counted)"/>
            <xsl:text> evaluators&#x2019; scores)</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="bases">
    <xsl:param name="node"/>
    <xsl:param name="ws"/>
    <xsl:param name="bs"/>
    <xsl:if test="$explanations = 'yes'">
      <xsl:choose>
        <xsl:when test="$node/@method = 'price' and $disclose-prices != 'yes'">
          <div class="basis">Price scores are calculated by the formula published in the tender documents; other tenderers&#x2019; prices are not disclosed in this notice.</div>
        </xsl:when>
        <!-- the panel's score, not the individual evaluators' (their scores,
             names and interests stay in the panel's record) -->
        <xsl:when test="$node/@method = 'panel' and $ws/../e:panel-record and $bs/../e:panel-record">
          <div class="basis">
            <xsl:text>The evaluation panel&#x2019;s score of the successful tender: </xsl:text>
            <xsl:call-template name="panel-basis"><xsl:with-param name="rec" select="$ws/../e:panel-record[@ref = $node/@id]"/></xsl:call-template>
            <xsl:text>; of your tender: </xsl:text>
            <xsl:call-template name="panel-basis"><xsl:with-param name="rec" select="$bs/../e:panel-record[@ref = $node/@id]"/></xsl:call-template>
            <xsl:text>. Individual evaluators&#x2019; scores are not disclosed.</xsl:text>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <div class="basis">Basis of the successful tender&#x2019;s score: <xsl:call-template name="text"><xsl:with-param name="s" select="$ws"/></xsl:call-template></div>
          <div class="basis">Basis of your tender&#x2019;s score: <xsl:call-template name="text"><xsl:with-param name="s" select="$bs"/></xsl:call-template></div>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template name="standstill">
    <xsl:param name="n"/>
    <h2><xsl:value-of select="$n"/>. Standstill period</h2>
    <p>In accordance with regulation 87 of the Regulations, <xsl:call-template name="commissioner"/> will not enter into the contract before the end of the standstill period. The standstill period is <xsl:call-template name="text"><xsl:with-param name="s" select="$ss-days"/></xsl:call-template> days
      <xsl:choose>
        <xsl:when test="number($ss-days) = 10"> (this notice being sent by electronic means)</xsl:when>
        <xsl:when test="number($ss-days) = 15"> (this notice being sent by means other than electronic means)</xsl:when>
      </xsl:choose>
      <xsl:text>, beginning on the day after the date of this notice. It is expected to end at midnight at the end of </xsl:text>
      <b><xsl:call-template name="date">
        <xsl:with-param name="d" select="$ss-ends"/>
        <xsl:with-param name="weekday" select="true()"/>
      </xsl:call-template></b>.<xsl:if test="$ss/e:skipped[@source != 'weekend']"> Not counted as working days when the end was set: <xsl:for-each select="$ss/e:skipped[@source != 'weekend']"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:call-template name="text"><xsl:with-param name="s" select="@reason"/></xsl:call-template> (<xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template>)</xsl:for-each>.</xsl:if></p>
  </xsl:template>

</xsl:stylesheet>
