<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl - the evaluation report: one self-contained HTML5 file (inline CSS,
  inline SVG, no script, no external resource of any kind) that a panel reads
  on screen and prints to PDF from a browser.

  Input: evaluation.xml (namespace urn:tender:evaluation:1, see
  schema/evaluation.xsd). Parameters: none required.

  Rules for anyone editing this file (see README.md):
  - every value from the input is written with xsl:value-of (or the template
    "text"), which the html output method escapes; never use
    disable-output-escaping, and never put input data inside <style> or
    <script> (the html method does not escape their content);
  - style="" and SVG geometry are built only from numbers computed with
    number() / format-number(), never from input strings;
  - no external URL: no fonts, images, stylesheets or links off the page;
  - anchors are made from positions, not from input ids; output must be the
    same bytes for the same input (no generate-id(), no current date).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tender:evaluation:1"
                exclude-result-prefixes="e">

  <xsl:output method="html" encoding="UTF-8" indent="yes"
              doctype-system="about:legacy-compat"/>

  <xsl:strip-space elements="*"/>

  <!-- ============================================================ data -->

  <xsl:variable name="ev" select="/e:evaluation"/>
  <xsl:variable name="tender" select="$ev/e:tender"/>
  <xsl:variable name="rs" select="$ev/e:ruleset"/>
  <xsl:variable name="top" select="$rs/e:criteria/*[self::e:group or self::e:criterion]"/>
  <xsl:variable name="bids" select="$ev/e:bids/e:bid"/>
  <xsl:variable name="ranked" select="$bids[@rank]"/>
  <xsl:variable name="unranked" select="$bids[not(@rank)]"/>
  <xsl:variable name="firsts" select="$bids[@rank = 1]"/>
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

  <!-- characters that reorder text (embeddings, overrides, isolates): shown
       as visible markers such as [U+202E], so a name cannot disguise itself
       or the text around it -->
  <xsl:variable name="bidi" select="'&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;'"/>
  <xsl:variable name="bidi-hex" select="'202A202B202C202D202E2066206720682069'"/>

  <xsl:key name="gatedef" match="e:ruleset/e:gates/e:gate" use="@id"/>
  <xsl:key name="flagdef" match="e:ruleset/e:flags/e:flag" use="@id"/>
  <xsl:key name="score-by-ref" match="e:bids/e:bid[@rank]/e:score" use="@ref"/>
  <!-- one bid's score for a criterion: key('bid-score', concat(generate-id($bid), ' ', $id)) -->
  <xsl:key name="bid-score" match="e:bids/e:bid/e:score" use="concat(generate-id(..), ' ', @ref)"/>
  <xsl:key name="node" match="e:ruleset/e:criteria//*[self::e:group or self::e:criterion]" use="@id"/>
  <xsl:key name="evaluator" match="e:panel/e:evaluator" use="@id"/>
  <xsl:key name="record-by-ref" match="e:bids/e:bid/e:panel-record" use="@ref"/>

  <xsl:variable name="panel" select="$ev/e:panel"/>

  <!-- the regime and standstill of the engine 0.3 format (issue 13). An evaluation
       without regime was written by an older engine under the Public
       Contracts Regulations 2015 reg 87: decision-date is its notice date and
       the standstill-* attributes describe the period. The <standstill>
       element, when there, says how the end was counted. -->
  <xsl:param name="draft" select="'no'"/>
  <xsl:variable name="ss" select="$tender/e:standstill"/>
  <xsl:variable name="regime" select="string($tender/@regime)"/>
  <xsl:variable name="notice-date" select="($tender/@notice-date | $tender[not(@notice-date)]/@decision-date)[1]"/>
  <xsl:variable name="ss-ends" select="($ss/@ends | $tender[not(e:standstill)]/@standstill-ends)[1]"/>
  <xsl:variable name="regime-name">
    <xsl:choose>
      <xsl:when test="$regime = 'psr-2023'">Health Care Services (Provider Selection Regime) Regulations 2023</xsl:when>
      <xsl:when test="$regime = 'pa-2023'">Procurement Act 2023 and Procurement Regulations 2024</xsl:when>
      <xsl:when test="$regime = 'nhs-2013'">NHS (Procurement, Patient Choice and Competition) (No. 2) Regulations 2013 with the Public Contracts Regulations 2015 light-touch regime (legacy)</xsl:when>
      <xsl:when test="$regime = 'pcr-2015'">Public Contracts Regulations 2015 (legacy regime)</xsl:when>
      <xsl:when test="$regime = ''">Public Contracts Regulations 2015 (legacy regime; evaluation written before regimes were recorded)</xsl:when>
      <xsl:otherwise><xsl:value-of select="$regime"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ======================================================= utilities -->

  <!-- Writes $s as text; reordering controls become visible markers. Split
       in halves so the recursion depth stays logarithmic. -->
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

  <!-- $s cut to $n characters with an ellipsis (for SVG labels) -->
  <xsl:template name="cut">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="string-length($s) &gt; $n">
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="concat(normalize-space(substring($s, 1, $n - 1)), '&#x2026;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- bidder name, isolated from the surrounding text's direction -->
  <xsl:template name="bidder">
    <xsl:param name="b" select="."/>
    <bdi>
      <xsl:call-template name="text">
        <xsl:with-param name="s" select="$b/@bidder"/>
      </xsl:call-template>
    </bdi>
  </xsl:template>

  <xsl:template name="bid-id">
    <xsl:param name="b" select="."/>
    <bdi class="id">
      <xsl:call-template name="text">
        <xsl:with-param name="s" select="$b/@id"/>
      </xsl:call-template>
    </bdi>
  </xsl:template>

  <!-- YYYY-MM-DD as "Monday 25 January 2027" (weekday optional) -->
  <xsl:template name="date">
    <xsl:param name="d"/>
    <xsl:param name="weekday" select="false()"/>
    <xsl:variable name="y" select="number(substring($d, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:variable name="day" select="number(substring($d, 9, 2))"/>
    <xsl:choose>
      <xsl:when test="string-length($d) != 10 or substring($d, 5, 1) != '-' or substring($d, 8, 1) != '-'
                      or not($y &gt; 0) or not($m &gt;= 1 and $m &lt;= 12) or not($day &gt;= 1 and $day &lt;= 31)">
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="$d"/>
        </xsl:call-template>
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

  <!-- 0 = Sunday ... 6 = Saturday, or NaN -->
  <xsl:template name="weekday-number">
    <xsl:param name="d"/>
    <xsl:variable name="y" select="number(substring($d, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($d, 6, 2))"/>
    <xsl:variable name="yy" select="$y - number($m &lt; 3)"/>
    <xsl:value-of select="($yy + floor($yy div 4) - floor($yy div 100) + floor($yy div 400)
                           + number(substring('032503514624', $m, 1)) + number(substring($d, 9, 2))) mod 7"/>
  </xsl:template>

  <!-- the SVG/CSS colour of the $i-th top-level criterion (cycled) -->
  <xsl:template name="colour">
    <xsl:param name="i"/>
    <xsl:variable name="k" select="($i - 1) mod 8"/>
    <xsl:value-of select="substring('#1f4e79#d08a1c#3f7f3f#8e4f8f#2a9fbf#b03a2e#5f6b73#a07d2a', $k * 7 + 1, 7)"/>
  </xsl:template>

  <xsl:template name="swatch">
    <xsl:param name="i"/>
    <xsl:variable name="c">
      <xsl:call-template name="colour">
        <xsl:with-param name="i" select="$i"/>
      </xsl:call-template>
    </xsl:variable>
    <svg class="swatch" width="30" height="16" viewBox="0 0 30 16" aria-hidden="true">
      <rect width="30" height="16" fill="{$c}"/>
      <rect width="30" height="16" fill="url(#pat{($i - 1) mod 8 + 1})"/>
    </svg>
  </xsl:template>

  <xsl:template name="severity-name">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'critical'">Critical</xsl:when>
      <xsl:when test="$s = 'high'">High</xsl:when>
      <xsl:when test="$s = 'medium'">Medium</xsl:when>
      <xsl:when test="$s = 'low'">Low</xsl:when>
      <xsl:when test="$s = 'info'">Information</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="sev-class">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'critical' or $s = 'high' or $s = 'medium' or $s = 'low' or $s = 'info'">
        <xsl:value-of select="concat('sev sev-', $s)"/>
      </xsl:when>
      <xsl:otherwise>sev</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ", N SEVERITY" when N flags of that severity were raised -->
  <xsl:template name="sev-count">
    <xsl:param name="sv"/>
    <xsl:variable name="n" select="count($bids/e:flag[@severity = $sv])"/>
    <xsl:if test="$n &gt; 0">
      <xsl:value-of select="concat(', ', $n, ' ', $sv)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="rank">
    <xsl:param name="b" select="."/>
    <xsl:if test="$b/@tied = 'true'">=</xsl:if>
    <xsl:call-template name="text"><xsl:with-param name="s" select="$b/@rank"/></xsl:call-template>
  </xsl:template>

  <!-- a score's display value, or a word for a score that is not a number -->
  <xsl:template name="cell">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="not($s)">&#x2013;</xsl:when>
      <xsl:when test="$s/@state = 'pending'">pending</xsl:when>
      <xsl:when test="$s/@state = 'error'">error</xsl:when>
      <xsl:when test="$s/@state = 'not-scored'">n/s</xsl:when>
      <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="$s/@display"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ page -->

  <xsl:template match="/">
    <xsl:if test="not($ev)">
      <xsl:message terminate="yes">html.xsl: the input is not an evaluation result (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <html lang="en-GB">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tender reports/html.xsl"/>
        <title>
          <xsl:if test="$draft = 'yes'">DRAFT &#x2014; not for issue: </xsl:if>
          <xsl:text>Evaluation report: </xsl:text>
          <xsl:call-template name="text">
            <xsl:with-param name="s" select="$tender/e:title"/>
          </xsl:call-template>
        </title>
        <style>
:root { --ink: #1b2733; --muted: #52606d; --line: #d3d9e0; --soft: #f3f5f8; --accent: #1f4e79;
        --pass: #1e6b38; --fail: #a3261b; --warn: #8a5a00; }
* { box-sizing: border-box; }
.nowrap { white-space: nowrap; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #e9edf1; color: var(--ink);
       font: 15px/1.45 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
.page { max-width: 1180px; margin: 0 auto; background: #fff; padding: 28px 44px 40px; }
h1, h2, h3 { line-height: 1.2; margin: 0; }
h1 { font-size: 27px; font-weight: 650; }
h2 { font-size: 20px; font-weight: 650; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 16px; font-weight: 650; margin: 18px 0 6px; }
p { margin: 6px 0; }
section { margin-top: 34px; }
.id, code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, Menlo, monospace; font-size: .86em; }
.muted { color: var(--muted); }
.small { font-size: 13px; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
header.mast { border-bottom: 1px solid var(--line); padding-bottom: 14px; }
.commissioner { text-transform: uppercase; letter-spacing: .06em; font-size: 13px; font-weight: 650; color: var(--accent); margin-bottom: 4px; }
.meta { margin-top: 6px; color: var(--muted); font-size: 14px; }
.meta span + span::before { content: "\00b7"; margin: 0 .5em; color: #9aa5b1; }
nav.toc { font-size: 13px; margin-top: 8px; }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 1.1em; white-space: nowrap; }
.decision { margin-top: 18px; border: 1px solid #c5d3e2; border-left: 6px solid var(--accent); background: #f1f6fb; padding: 16px 20px; display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.decision .who { flex: 1 1 420px; }
.decision .label { font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
.decision .name { font-size: 23px; font-weight: 650; margin-top: 2px; }
.decision .score { text-align: right; flex: 0 0 auto; }
.decision .big { font-size: 40px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; color: var(--accent); }
.decision .of { font-size: 14px; color: var(--muted); margin-top: 4px; }
.decision.none, .decision.tie { border-left-color: var(--warn); background: #fdf6e7; border-color: #ecd9ae; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 26px; margin-top: 10px; font-size: 14px; }
.facts b { font-variant-numeric: tabular-nums; }
.attention { margin-top: 12px; border: 1px solid #ecd9ae; background: #fdf8ec; padding: 9px 14px; font-size: 14px; }
.attention ul { margin: 4px 0 0; padding-left: 20px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.ranking td:nth-child(2), table.inputs td:nth-child(3) { min-width: 6.5em; }
th { background: var(--soft); font-weight: 650; font-size: 13px; }
thead th { border-bottom: 1.5px solid #9aa5b1; }
tr.first td { font-weight: 650; }
tr.unranked td { color: var(--muted); background: #fafafa; }
.rank { font-weight: 700; font-size: 16px; width: 3.2em; text-align: center; }
th.rank { font-size: 13px; font-weight: 650; }
table.gates td:first-child, table.matrix td:nth-child(2) { min-width: 15em; }
.barcell { width: 18%; }
.minibar { height: 10px; background: #e3e8ee; position: relative; margin-top: 5px; }
.minibar span { position: absolute; left: 0; top: 0; bottom: 0; background: var(--accent); }
.sev { display: inline-block; padding: 0 .5em; border-radius: 3px; font-size: 12px; font-weight: 650; border: 1px solid; white-space: nowrap; }
.sev-critical { color: #fff; background: #7d1a12; border-color: #7d1a12; }
.sev-high { color: #8b1d13; background: #fbe9e7; border-color: #e3a49c; }
.sev-medium { color: #7a4b00; background: #fdf1d9; border-color: #e4c27f; }
.sev-low { color: #1f4e79; background: #e8f0f8; border-color: #a9c1da; }
.sev-info { color: #3e4c59; background: #eef1f4; border-color: #c3cbd3; }
.pass { color: var(--pass); }
td.failcell { background: #fbe9e7; }
.fail { color: var(--fail); font-weight: 700; }
figure { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
svg .seglabel { font-size: 12px; font-weight: 700; fill: #fff; paint-order: stroke; stroke: rgba(0,0,0,.55); stroke-width: 2.6px; }
svg .tick { font-size: 11px; fill: #52606d; }
svg .bidlabel { font-size: 13px; font-weight: 650; fill: #1b2733; }
svg .bidder { font-size: 12px; fill: #52606d; }
svg .total { font-size: 13px; font-weight: 700; fill: #1b2733; }
svg .nr { font-size: 12px; fill: #52606d; font-style: italic; }
ul.legend { list-style: none; padding: 0; margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 6px 24px; font-size: 14px; }
ul.legend li { display: flex; align-items: center; gap: 8px; }
svg.swatch { flex: 0 0 auto; border: 1px solid rgba(0,0,0,.25); }
.matrix-wrap { overflow-x: auto; }
table.matrix { font-size: 13px; }
table.matrix th, table.matrix td { padding: 4px 6px; border: 1px solid var(--line); }
table.matrix th.grp { text-align: center; }
table.matrix th.v { vertical-align: bottom; padding: 6px 2px; }
table.matrix th.v span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; font-size: 12px; }
table.matrix td.sub, table.matrix th.sub { background: #eef2f6; font-weight: 650; }
table.matrix td.tot, table.matrix th.tot { background: #e2e9f1; font-weight: 700; }
table.matrix td.best { font-weight: 700; }
table.matrix tr.unranked td { color: #7b8794; font-style: italic; }
table.gates td.c, table.gates th.c { text-align: center; }
.card { border: 1px solid var(--line); border-left: 4px solid #9aa5b1; padding: 9px 14px; margin: 8px 0; break-inside: avoid; }
.card.sev-b-critical { border-left-color: #7d1a12; }
.card.sev-b-high { border-left-color: #c0392b; }
.card.sev-b-medium { border-left-color: #d08a1c; }
.card.sev-b-low { border-left-color: #2a6fb0; }
.card .head { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
.card .head .who { margin-left: auto; }
.card .title { font-weight: 650; }
.cite { font-size: 13px; color: var(--muted); }
.cite b { font-weight: 600; color: var(--ink); }
.msg { margin: 4px 0 0; }
.problem { color: var(--fail); }
td.indent1 { padding-left: 26px; }
td.indent2 { padding-left: 44px; }
td.indent3 { padding-left: 62px; }
tr.group td { background: var(--soft); font-weight: 650; }
table.expl { font-size: 13px; }
table.expl td { padding: 4px 8px; }
td.expl { font-size: 12.5px; color: #323f4b; overflow-wrap: anywhere; }
.explbid { break-inside: auto; }
.sha { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, Menlo, monospace; font-size: 12.5px; word-break: break-all; overflow-wrap: anywhere; }
td.path { overflow-wrap: anywhere; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; font-size: 14px; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; overflow-wrap: anywhere; }
table.panel td.who { min-width: 14em; }
table.panel td.expl { width: 50%; }
table.panel td.state { white-space: nowrap; }
table.panel tbody th.bidhead { background: var(--soft); font-size: 14px; border-top: 1.5px solid #9aa5b1; }
table.panel tbody.flagged th.bidhead { background: #fdf1d9; box-shadow: inset 5px 0 0 #d08a1c; }
table.panel tbody.flagged th.bidhead .sev { margin-left: .6em; }
table.panel tr.excluded td { color: var(--muted); }
table.panel tr.excluded td.state { color: var(--fail); font-weight: 600; }
table.panel tr.missing td { background: #fdf8ec; }
table.panel tr.missing td.state { color: var(--warn); font-weight: 600; }
table.panel tr.moderated td { background: #f1f6fb; }
table.panel tr.moderated.unexplained td { background: #fbe9e7; }
table.panel tr.result td { font-weight: 650; }
ul.interests { margin: 0; padding-left: 1.1em; }
dl.policy dt { font-weight: 600; color: var(--ink); }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); }
@media screen and (max-width: 700px) { .page { padding: 16px; } .barcell { display: none; } }
@page { size: A4; margin: 15mm 13mm 16mm; }
@page wide { size: A4 landscape; margin: 12mm; }
@media print {
  body { background: none; font-size: 9.5pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13pt; }
  h3 { font-size: 10.5pt; }
  .meta, .facts, .attention, .commissioner { font-size: 8.5pt; }
  .decision { padding: 10px 14px; margin-top: 12px; }
  .decision .name { font-size: 14pt; }
  .decision .big { font-size: 26pt; }
  .decision .of, .decision .label { font-size: 8.5pt; }
  table { font-size: 8.5pt; }
  th { font-size: 8pt; }
  th, td { padding: 3px 5px; }
  .rank { font-size: 10pt; }
  .small, .cite, td.expl, table.expl, .sha { font-size: 7.5pt; }
  .barcell { display: none; }
  ul.legend { font-size: 8.5pt; }
  .card { padding: 5px 10px; margin: 5px 0; }
  footer { font-size: 7.5pt; }
  .page { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section { margin-top: 0; }
  section.brk { break-before: page; }
  section.wide { page: wide; }
  h2, h3 { break-after: avoid; }
  tr, .card, li { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: none; }
  .decision, .attention { background: none; }
  .minibar { border: 1px solid #7b8794; background: none; }
  .minibar span { background: #52606d; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  svg, .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  table.matrix { font-size: 8.5pt; }
  .matrix-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
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
        <div class="page">
          <xsl:call-template name="masthead"/>
          <xsl:call-template name="decision"/>
          <xsl:call-template name="ranking"/>
          <xsl:call-template name="chart"/>
          <xsl:call-template name="matrix"/>
          <xsl:call-template name="compliance"/>
          <xsl:call-template name="flags"/>
          <xsl:call-template name="criteria"/>
          <xsl:call-template name="explanations"/>
          <xsl:if test="$panel">
            <xsl:call-template name="panel"/>
          </xsl:if>
          <xsl:call-template name="record"/>
          <footer>
            <xsl:text>Produced by tender </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@engine-version"/></xsl:call-template>
            <xsl:text> from the evaluation result created </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@created"/></xsl:call-template>
            <xsl:text>, rule set </xsl:text>
            <xsl:call-template name="text">
              <xsl:with-param name="s" select="concat($rs/@id, ' ', $rs/@version)"/>
            </xsl:call-template>
            <xsl:text> (SHA-256 </xsl:text>
            <span class="mono"><xsl:call-template name="text"><xsl:with-param name="s" select="substring($rs/@sha256, 1, 16)"/></xsl:call-template></span>
            <xsl:text>&#x2026;). The evaluation result (evaluation.xml) is the record; this report is a view of it. </xsl:text>
            <xsl:text>Scores are shown rounded to </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@precision"/></xsl:call-template>
            <xsl:text> decimals, each on its own, half away from zero (0.125 shows as 0.13); totals and the ranking use the exact values, so displayed parts may not add up exactly.</xsl:text>
          </footer>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- ======================================================== masthead -->

  <xsl:template name="masthead">
    <header class="mast">
      <div class="commissioner">
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="$tender/e:commissioner"/>
        </xsl:call-template>
      </div>
      <h1>
        <xsl:call-template name="text">
          <xsl:with-param name="s" select="$tender/e:title"/>
        </xsl:call-template>
      </h1>
      <div class="meta">
        <span>Evaluation report</span>
        <span>Reference <bdi class="id">
          <xsl:call-template name="text">
            <xsl:with-param name="s" select="$tender/@id"/>
          </xsl:call-template>
        </bdi></span>
        <xsl:choose>
          <xsl:when test="$regime != '' or $ss">
        <span data-element="regime">Regime <xsl:value-of select="$regime-name"/></span>
        <span data-element="notice-date">Notice date <xsl:call-template name="date">
          <xsl:with-param name="d" select="$notice-date"/>
        </xsl:call-template></span>
          </xsl:when>
          <xsl:otherwise>
        <span>Decision date <xsl:call-template name="date">
          <xsl:with-param name="d" select="$tender/@decision-date"/>
        </xsl:call-template></span>
          </xsl:otherwise>
        </xsl:choose>
        <span>Rule set <xsl:call-template name="text">
          <xsl:with-param name="s" select="concat($rs/@id, ' ', $rs/@version)"/>
        </xsl:call-template></span>
      </div>
      <nav class="toc" aria-label="Contents">
        <a href="#ranking">1 Ranking</a>
        <a href="#chart">2 Scores by criterion</a>
        <a href="#matrix">3 Score matrix</a>
        <a href="#compliance">4 Compliance</a>
        <a href="#flags">5 Flags</a>
        <a href="#criteria">6 Award criteria</a>
        <a href="#explanations">7 Explanations</a>
        <xsl:choose>
          <xsl:when test="$panel">
            <a href="#panel">8 Panel record</a>
            <a href="#record">9 Record</a>
          </xsl:when>
          <xsl:otherwise>
            <a href="#record">8 Record</a>
          </xsl:otherwise>
        </xsl:choose>
      </nav>
    </header>
  </xsl:template>

  <!-- ======================================================== decision -->

  <xsl:template name="decision">
    <xsl:choose>
      <xsl:when test="count($firsts) = 0">
        <div class="decision none" role="region" aria-label="Decision">
          <div class="who">
            <div class="label">Outcome</div>
            <div class="name">No award: no bid is compliant</div>
            <p>None of the <xsl:value-of select="count($bids)"/> bids received passed every gate, so there is no ranking and the competition produced no award. The reasons are in section 4.</p>
          </div>
        </div>
      </xsl:when>
      <xsl:when test="count($firsts) &gt; 1">
        <div class="decision tie" role="region" aria-label="Decision">
          <div class="who">
            <div class="label">Outcome: tie at rank 1, no single highest-ranked bid</div>
            <div class="name">
              <xsl:for-each select="$firsts">
                <xsl:if test="position() &gt; 1">
                  <xsl:choose>
                    <xsl:when test="position() = last()"> and </xsl:when>
                    <xsl:otherwise>, </xsl:otherwise>
                  </xsl:choose>
                </xsl:if>
                <xsl:call-template name="bidder"/>
              </xsl:for-each>
            </div>
            <p><xsl:value-of select="count($firsts)"/> bids have equal totals that the rule set's tie-breaks did not separate. The evaluation does not identify a single successful bid; the panel must resolve the tie by the procedure published in the tender documents before any award decision is notified.</p>
          </div>
          <div class="score">
            <div class="big"><xsl:call-template name="text"><xsl:with-param name="s" select="$firsts[1]/@display"/></xsl:call-template></div>
            <div class="of">of <xsl:value-of select="$scale-display"/> points &#xb7; <xsl:call-template name="text"><xsl:with-param name="s" select="$firsts[1]/@percent"/></xsl:call-template>%</div>
          </div>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="w" select="$firsts"/>
        <div class="decision" role="region" aria-label="Decision">
          <div class="who">
            <div class="label">Highest-ranked compliant bid</div>
            <div class="name"><xsl:call-template name="bidder"><xsl:with-param name="b" select="$w"/></xsl:call-template></div>
            <div class="muted">Bid <xsl:call-template name="bid-id"><xsl:with-param name="b" select="$w"/></xsl:call-template>
              <xsl:variable name="second" select="$ranked[@rank = 2]"/>
              <xsl:if test="count($second) = 1">
                <xsl:text>; second: </xsl:text>
                <xsl:call-template name="bidder"><xsl:with-param name="b" select="$second"/></xsl:call-template>
                <xsl:text> with </xsl:text>
                <xsl:call-template name="text"><xsl:with-param name="s" select="$second/@display"/></xsl:call-template>
              </xsl:if>
            </div>
          </div>
          <div class="score">
            <div class="big"><xsl:call-template name="text"><xsl:with-param name="s" select="$w/@display"/></xsl:call-template></div>
            <div class="of">of <xsl:value-of select="$scale-display"/> points &#xb7; <xsl:call-template name="text"><xsl:with-param name="s" select="$w/@percent"/></xsl:call-template>%</div>
          </div>
        </div>
      </xsl:otherwise>
    </xsl:choose>
    <div class="facts">
      <span>Bids received <b><xsl:value-of select="count($bids)"/></b></span>
      <span>Ranked <b><xsl:value-of select="count($ranked)"/></b></span>
      <span>Not ranked <b><xsl:value-of select="count($unranked)"/></b></span>
      <span>Flags <b><xsl:value-of select="count($bids/e:flag)"/></b>
        <xsl:if test="$bids/e:flag">
          <xsl:text> (</xsl:text>
          <xsl:variable name="counts">
            <xsl:call-template name="sev-count"><xsl:with-param name="sv" select="'critical'"/></xsl:call-template>
            <xsl:call-template name="sev-count"><xsl:with-param name="sv" select="'high'"/></xsl:call-template>
            <xsl:call-template name="sev-count"><xsl:with-param name="sv" select="'medium'"/></xsl:call-template>
            <xsl:call-template name="sev-count"><xsl:with-param name="sv" select="'low'"/></xsl:call-template>
            <xsl:call-template name="sev-count"><xsl:with-param name="sv" select="'info'"/></xsl:call-template>
            <xsl:variable name="other" select="count($bids/e:flag[not(@severity = 'critical' or @severity = 'high' or @severity = 'medium' or @severity = 'low' or @severity = 'info')])"/>
            <xsl:if test="$other &gt; 0">
              <xsl:value-of select="concat(', ', $other, ' other')"/>
            </xsl:if>
          </xsl:variable>
          <xsl:value-of select="substring($counts, 3)"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </span>
      <xsl:choose>
        <xsl:when test="count($firsts) != 1">
          <span>Standstill <b>not started</b> (no award decision)</span>
        </xsl:when>
        <xsl:otherwise>
      <span>Standstill <b><xsl:call-template name="text"><xsl:with-param name="s" select="($ss/@days | $tender[not(e:standstill)]/@standstill-days)[1]"/></xsl:call-template><xsl:choose><xsl:when test="$ss/@unit = 'working-days'"> working days</xsl:when><xsl:otherwise> days</xsl:otherwise></xsl:choose></b>, ends
        <b><xsl:call-template name="date">
          <xsl:with-param name="d" select="$ss-ends"/>
          <xsl:with-param name="weekday" select="true()"/>
        </xsl:call-template></b></span>
        </xsl:otherwise>
      </xsl:choose>
    </div>
    <xsl:call-template name="attention"/>
  </xsl:template>

  <!-- what the panel must look at before any award -->
  <xsl:template name="attention">
    <!-- flags the panel has not yet decided on -->
    <xsl:variable name="serious" select="$ranked/e:flag[@severity = 'critical' or @severity = 'high'][not(@decision)]"/>
    <xsl:variable name="odd" select="$ranked/e:score[@state = 'pending' or @state = 'error']"/>
    <xsl:variable name="wd">
      <xsl:call-template name="weekday-number">
        <xsl:with-param name="d" select="$ss-ends"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- evaluations before engine 0.2 did not carry the period past a weekend -->
    <xsl:variable name="weekend" select="count($firsts) = 1 and not($ss) and not($tender/@standstill-extended) and ($wd = 0 or $wd = 6)"/>
    <xsl:variable name="no-holidays" select="count($firsts) = 1 and not($ss) and string($tender/@non-working-days) = '0'"/>
    <xsl:if test="$serious or $odd or $firsts/e:flag[not(@decision)] or $weekend or $no-holidays">
      <div class="attention" role="note">
        <b>Before any award decision</b>
        <ul>
          <xsl:if test="$firsts/e:flag[not(@decision)]">
            <li>
              <xsl:choose>
                <xsl:when test="count($firsts) = 1">The highest-ranked bid has </xsl:when>
                <xsl:otherwise>The bids ranked first have </xsl:otherwise>
              </xsl:choose>
              <xsl:value-of select="count($firsts/e:flag[not(@decision)])"/> flag(s) the panel has not decided on:
              <xsl:for-each select="$firsts/e:flag[not(@decision)]">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:call-template name="text">
                  <xsl:with-param name="s" select="key('flagdef', @ref)/e:title"/>
                </xsl:call-template>
                <xsl:text> (</xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="@severity"/></xsl:call-template><xsl:text>)</xsl:text>
              </xsl:for-each>.</li>
          </xsl:if>
          <xsl:if test="$serious">
            <li><xsl:value-of select="count($serious)"/> critical or high flag(s) on ranked bids need the panel's recorded decision (section 5):
              <xsl:for-each select="$serious">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:call-template name="bid-id"><xsl:with-param name="b" select=".."/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="text">
                  <xsl:with-param name="s" select="key('flagdef', @ref)/e:title"/>
                </xsl:call-template>
              </xsl:for-each>.</li>
          </xsl:if>
          <xsl:if test="$odd">
            <li><xsl:value-of select="count($odd)"/> score(s) of ranked bids are pending or in error: the ranking is not final.</li>
          </xsl:if>
          <xsl:if test="$weekend">
            <li>The standstill period as computed ends on a
              <xsl:choose><xsl:when test="$wd = 0">Sunday</xsl:when><xsl:otherwise>Saturday</xsl:otherwise></xsl:choose>;
              a period that ends on a day that is not a working day runs to the end of the next working day. Check the date before notices are sent.</li>
          </xsl:if>
          <xsl:if test="$no-holidays">
            <li>The tender lists no bank holidays (<code>non-working-days</code>): the end of the standstill period,
              <xsl:call-template name="date"><xsl:with-param name="d" select="$tender/@standstill-ends"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template>,
              was carried past weekends only. Check it against the bank holidays before notices are sent.</li>
          </xsl:if>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================= ranking -->

  <xsl:template name="ranking">
    <section id="ranking">
      <h2>1. Ranking</h2>
      <table class="ranking">
        <thead>
          <tr>
            <th class="rank">Rank</th>
            <th>Bid</th>
            <th>Bidder</th>
            <th class="num">Points (of <xsl:value-of select="$scale-display"/>)</th>
            <th class="num">%</th>
            <th class="barcell"><span class="muted small">Share of maximum</span></th>
            <th>Flags</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$ranked">
            <tr>
              <xsl:if test="@rank = 1"><xsl:attribute name="class">first</xsl:attribute></xsl:if>
              <td class="rank"><xsl:call-template name="rank"/></td>
              <td><xsl:call-template name="bid-id"/></td>
              <td>
                <xsl:call-template name="bidder"/>
                <xsl:for-each select="e:tie-break[@placed = 'above']">
                  <br/>
                  <span class="muted small">
                    <xsl:text>placed above </xsl:text>
                    <xsl:call-template name="text"><xsl:with-param name="s" select="@with"/></xsl:call-template>
                    <xsl:text> on equal points by tie-break </xsl:text>
                    <xsl:value-of select="number(@order)"/>
                    <xsl:text> (</xsl:text>
                    <xsl:call-template name="text"><xsl:with-param name="s" select="@ref"/></xsl:call-template>
                    <xsl:text>)</xsl:text>
                  </span>
                </xsl:for-each>
              </td>
              <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
              <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@percent"/></xsl:call-template></td>
              <td class="barcell">
                <div class="minibar" aria-hidden="true">
                  <span style="width: {format-number(100 * number(@total) div $scale, '0.00')}%"></span>
                </div>
              </td>
              <td>
                <xsl:for-each select="e:flag">
                  <xsl:if test="position() &gt; 1"><br/></xsl:if>
                  <span>
                    <xsl:attribute name="class">
                      <xsl:call-template name="sev-class"><xsl:with-param name="s" select="@severity"/></xsl:call-template>
                    </xsl:attribute>
                    <xsl:call-template name="text"><xsl:with-param name="s" select="@severity"/></xsl:call-template>
                  </span>
                  <xsl:text> </xsl:text>
                  <span class="small">
                    <xsl:call-template name="text">
                      <xsl:with-param name="s" select="key('flagdef', @ref)/e:title"/>
                    </xsl:call-template>
                  </span>
                </xsl:for-each>
              </td>
            </tr>
          </xsl:for-each>
          <xsl:for-each select="$unranked">
            <tr class="unranked">
              <td class="rank">&#x2013;</td>
              <td><xsl:call-template name="bid-id"/></td>
              <td><xsl:call-template name="bidder"/></td>
              <td colspan="3">
                <xsl:text>Not ranked: </xsl:text>
                <xsl:call-template name="short-reason"/>
              </td>
              <td>
                <xsl:for-each select="e:flag">
                  <xsl:if test="position() &gt; 1"><br/></xsl:if>
                  <span>
                    <xsl:attribute name="class">
                      <xsl:call-template name="sev-class"><xsl:with-param name="s" select="@severity"/></xsl:call-template>
                    </xsl:attribute>
                    <xsl:call-template name="text"><xsl:with-param name="s" select="@severity"/></xsl:call-template>
                  </span>
                  <xsl:text> </xsl:text>
                  <span class="small">
                    <xsl:call-template name="text">
                      <xsl:with-param name="s" select="key('flagdef', @ref)/e:title"/>
                    </xsl:call-template>
                  </span>
                </xsl:for-each>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:if test="$ranked[@tied = 'true']">
        <p class="small muted">= marks a tie that survived the rule set's tie-breaks: the bids share the rank.</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- one line: why a bid is not ranked -->
  <xsl:template name="short-reason">
    <xsl:choose>
      <xsl:when test="@evaluated = 'false'">
        <xsl:text>not evaluated</xsl:text>
        <xsl:if test="e:problem">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="e:problem[1]"/></xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="e:gate[@passed = 'false']">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:text>failed gate &#x201C;</xsl:text>
          <xsl:call-template name="text">
            <xsl:with-param name="s" select="key('gatedef', @ref)/e:title"/>
          </xsl:call-template>
          <xsl:text>&#x201D;</xsl:text>
        </xsl:for-each>
        <xsl:if test="e:exclusion">
          <xsl:if test="e:gate[@passed = 'false']">; </xsl:if>
          <xsl:call-template name="text"><xsl:with-param name="s" select="e:exclusion"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="not(e:gate[@passed = 'false']) and not(e:exclusion)">
          <xsl:text>not compliant</xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- =========================================================== chart -->

  <xsl:template name="chart">
    <xsl:variable name="lw" select="262"/>   <!-- label column -->
    <xsl:variable name="bw" select="560"/>   <!-- bar width at full scale -->
    <xsl:variable name="rowh" select="46"/>
    <xsl:variable name="y0" select="26"/>
    <xsl:variable name="n" select="count($ranked)"/>
    <xsl:variable name="nr" select="count($unranked)"/>
    <xsl:variable name="yaxis" select="$y0 + $n * $rowh"/>
    <xsl:variable name="h" select="$yaxis + 30 + number($nr &gt; 0) * (24 + $nr * 20)"/>
    <section id="chart" class="brk">
      <h2>2. Scores by criterion group</h2>
      <p class="small muted">Each bar is a ranked bid's total, split into the points it scored on each top-level criterion or group; the grey track is the maximum (<xsl:value-of select="$scale-display"/> points). Bids not ranked are listed below the bars.</p>
      <figure>
        <svg class="chart" viewBox="0 0 960 {$h}" role="img" aria-labelledby="chart-title chart-desc">
          <title id="chart-title">Weighted score of each ranked bid by criterion group, in points out of <xsl:value-of select="$scale-display"/></title>
          <desc id="chart-desc">
            <xsl:for-each select="$ranked">
              <xsl:text>Rank </xsl:text><xsl:call-template name="rank"/><xsl:text>, </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="concat(@id, ' ', @bidder)"/></xsl:call-template>
              <xsl:text>: </xsl:text>
              <xsl:variable name="b" select="."/>
              <xsl:for-each select="$top">
                <xsl:variable name="id" select="@id"/>
                <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="cell"><xsl:with-param name="s" select="key('bid-score', concat(generate-id($b), ' ', $id))"/></xsl:call-template>
                <xsl:text>; </xsl:text>
              </xsl:for-each>
              <xsl:text>total </xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template><xsl:text>. </xsl:text>
            </xsl:for-each>
            <xsl:for-each select="$unranked">
              <xsl:call-template name="text"><xsl:with-param name="s" select="concat(@id, ' ', @bidder)"/></xsl:call-template>
              <xsl:text>: not ranked. </xsl:text>
            </xsl:for-each>
          </desc>
          <defs>
            <pattern id="pat1" width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill="none"/>
            </pattern>
            <pattern id="pat2" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="2.4" height="7" fill="#fff" fill-opacity=".55"/>
            </pattern>
            <pattern id="pat3" width="7" height="7" patternUnits="userSpaceOnUse">
              <circle cx="3.5" cy="3.5" r="1.5" fill="#fff" fill-opacity=".75"/>
            </pattern>
            <pattern id="pat4" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="2" height="8" fill="#fff" fill-opacity=".5"/>
              <rect width="8" height="2" fill="#fff" fill-opacity=".5"/>
            </pattern>
            <pattern id="pat5" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="2" fill="#fff" fill-opacity=".5"/>
            </pattern>
            <pattern id="pat6" width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="2" height="6" fill="#fff" fill-opacity=".5"/>
            </pattern>
            <pattern id="pat7" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
              <rect width="2.4" height="7" fill="#fff" fill-opacity=".55"/>
            </pattern>
            <pattern id="pat8" width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="1.6" fill="#fff" fill-opacity=".5"/>
              <rect width="1.6" height="8" fill="#fff" fill-opacity=".5"/>
            </pattern>
          </defs>
          <!-- gridlines and ticks at quarters of the scale -->
          <g aria-hidden="true">
            <xsl:call-template name="ticks">
              <xsl:with-param name="k" select="0"/>
              <xsl:with-param name="x0" select="$lw"/>
              <xsl:with-param name="bw" select="$bw"/>
              <xsl:with-param name="y1" select="$y0 - 6"/>
              <xsl:with-param name="y2" select="$yaxis"/>
            </xsl:call-template>
            <text class="tick" x="{$lw + $bw}" y="{$yaxis + 18}" text-anchor="end">points (of <xsl:value-of select="$scale-display"/>)</text>
          </g>
          <xsl:for-each select="$ranked">
            <xsl:variable name="b" select="."/>
            <xsl:variable name="y" select="$y0 + (position() - 1) * $rowh"/>
            <g>
              <text class="bidlabel" x="0" y="{$y + 15}">
                <xsl:call-template name="rank"/>
                <xsl:text>.  </xsl:text>
                <xsl:call-template name="cut">
                  <xsl:with-param name="s" select="@id"/>
                  <xsl:with-param name="n" select="28"/>
                </xsl:call-template>
              </text>
              <text class="bidder" x="0" y="{$y + 32}">
                <xsl:call-template name="cut">
                  <xsl:with-param name="s" select="@bidder"/>
                  <xsl:with-param name="n" select="36"/>
                </xsl:call-template>
                <title><xsl:call-template name="text"><xsl:with-param name="s" select="@bidder"/></xsl:call-template></title>
              </text>
              <rect x="{$lw}" y="{$y + 4}" width="{$bw}" height="28" fill="#eceff3"/>
              <xsl:call-template name="segments">
                <xsl:with-param name="scores" select="$b/e:score[key('node', @ref)/parent::e:criteria]"/>
                <xsl:with-param name="lw" select="$lw"/>
                <xsl:with-param name="bw" select="$bw"/>
                <xsl:with-param name="y" select="$y"/>
              </xsl:call-template>
              <text class="total" x="{format-number($lw + $bw * number(@total) div $scale + 8, '0.##')}" y="{$y + 23}">
                <xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template>
                <tspan class="tick"><xsl:call-template name="text"><xsl:with-param name="s" select="concat('  ', @percent, '%')"/></xsl:call-template></tspan>
              </text>
            </g>
          </xsl:for-each>
          <xsl:if test="$nr &gt; 0">
            <text class="bidlabel" x="0" y="{$yaxis + 44}">Not ranked</text>
            <xsl:for-each select="$unranked">
              <text class="nr" x="0" y="{$yaxis + 44 + position() * 20}">
                <xsl:call-template name="cut">
                  <xsl:with-param name="s" select="concat(@id, ' ', @bidder)"/>
                  <xsl:with-param name="n" select="44"/>
                </xsl:call-template>
                <xsl:text>: </xsl:text>
                <xsl:variable name="r">
                  <xsl:call-template name="short-reason"/>
                </xsl:variable>
                <xsl:call-template name="cut">
                  <xsl:with-param name="s" select="string($r)"/>
                  <xsl:with-param name="n" select="90"/>
                </xsl:call-template>
              </text>
            </xsl:for-each>
          </xsl:if>
        </svg>
        <figcaption>
          <ul class="legend">
            <xsl:for-each select="$top">
              <li>
                <xsl:call-template name="swatch"><xsl:with-param name="i" select="position()"/></xsl:call-template>
                <span>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
                  <span class="muted"><xsl:call-template name="text"><xsl:with-param name="s" select="concat(' (max ', @display, ')')"/></xsl:call-template></span>
                </span>
              </li>
            </xsl:for-each>
          </ul>
        </figcaption>
      </figure>
    </section>
  </xsl:template>

  <!-- The stacked bar of one bid: $scores are its top-level scores in the
       rule set's order (the engine writes one per criterion, in order),
       $first the position of the first of them and $before the points the
       segments to their left take. Split in halves, so that each segment's
       offset costs a sum over half the list per level: n log n in the
       number of criteria, where a sum over every preceding criterion per
       segment was quadratic (cubic with the lookup), and the recursion only
       log n deep. -->
  <xsl:template name="segments">
    <xsl:param name="scores"/>
    <xsl:param name="first" select="1"/>
    <xsl:param name="before" select="0"/>
    <xsl:param name="lw"/>
    <xsl:param name="bw"/>
    <xsl:param name="y"/>
    <xsl:variable name="n" select="count($scores)"/>
    <xsl:choose>
      <xsl:when test="$n &gt; 1">
        <xsl:variable name="half" select="floor($n div 2)"/>
        <xsl:variable name="left" select="$scores[position() &lt;= $half]"/>
        <xsl:call-template name="segments">
          <xsl:with-param name="scores" select="$left"/>
          <xsl:with-param name="first" select="$first"/>
          <xsl:with-param name="before" select="$before"/>
          <xsl:with-param name="lw" select="$lw"/>
          <xsl:with-param name="bw" select="$bw"/>
          <xsl:with-param name="y" select="$y"/>
        </xsl:call-template>
        <xsl:call-template name="segments">
          <xsl:with-param name="scores" select="$scores[position() &gt; $half]"/>
          <xsl:with-param name="first" select="$first + $half"/>
          <xsl:with-param name="before" select="$before + sum($left[number(@points) &gt; 0]/@points)"/>
          <xsl:with-param name="lw" select="$lw"/>
          <xsl:with-param name="bw" select="$bw"/>
          <xsl:with-param name="y" select="$y"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$n = 1">
        <xsl:variable name="s" select="$scores"/>
        <xsl:variable name="p" select="$first"/>
        <xsl:variable name="pts" select="number($s/@points)"/>
        <xsl:if test="$pts &gt; 0">
          <xsl:variable name="x" select="$lw + $bw * $before div $scale"/>
          <xsl:variable name="w" select="$bw * $pts div $scale"/>
          <xsl:variable name="c">
            <xsl:call-template name="colour"><xsl:with-param name="i" select="$p"/></xsl:call-template>
          </xsl:variable>
          <g>
            <title>
              <xsl:call-template name="text"><xsl:with-param name="s" select="concat($s/../@id, ' ', key('node', $s/@ref)/e:title)"/></xsl:call-template>
              <xsl:call-template name="text"><xsl:with-param name="s" select="concat(': ', $s/@display, ' of ', $s/@max)"/></xsl:call-template>
            </title>
            <rect x="{format-number($x, '0.##')}" y="{$y + 4}" width="{format-number($w, '0.##')}" height="28" fill="{$c}"/>
            <rect x="{format-number($x, '0.##')}" y="{$y + 4}" width="{format-number($w, '0.##')}" height="28" fill="url(#pat{($p - 1) mod 8 + 1})" stroke="#fff" stroke-width="1"/>
            <xsl:if test="$w &gt;= 38">
              <text class="seglabel" x="{format-number($x + $w div 2, '0.##')}" y="{$y + 23}" text-anchor="middle"><xsl:call-template name="text"><xsl:with-param name="s" select="$s/@display"/></xsl:call-template></text>
            </xsl:if>
          </g>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ticks">
    <xsl:param name="k"/>
    <xsl:param name="x0"/>
    <xsl:param name="bw"/>
    <xsl:param name="y1"/>
    <xsl:param name="y2"/>
    <xsl:if test="$k &lt;= 4">
      <xsl:variable name="x" select="$x0 + $bw * $k div 4"/>
      <line x1="{$x}" y1="{$y1}" x2="{$x}" y2="{$y2}" stroke="#c3cbd3" stroke-width="1">
        <xsl:if test="$k &gt; 0 and $k &lt; 4"><xsl:attribute name="stroke-dasharray">3 3</xsl:attribute></xsl:if>
      </line>
      <text class="tick" x="{$x}" y="{$y1 - 4}" text-anchor="middle">
        <xsl:value-of select="format-number($scale * $k div 4, '0.##')"/>
      </text>
      <xsl:call-template name="ticks">
        <xsl:with-param name="k" select="$k + 1"/>
        <xsl:with-param name="x0" select="$x0"/>
        <xsl:with-param name="bw" select="$bw"/>
        <xsl:with-param name="y1" select="$y1"/>
        <xsl:with-param name="y2" select="$y2"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================== matrix -->

  <xsl:template name="matrix">
    <!-- "|id=max=min|" for every leaf criterion, over the ranked bids'
         scored points: computed once, so the table stays linear in size -->
    <xsl:variable name="range">
      <xsl:text>|</xsl:text>
      <xsl:for-each select="$rs/e:criteria//e:criterion">
        <xsl:variable name="sc" select="key('score-by-ref', @id)[@state = 'scored']"/>
        <xsl:value-of select="concat(@id, '=')"/>
        <xsl:for-each select="$sc">
          <xsl:sort select="@points" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="translate(@points, '|=', '')"/></xsl:if>
        </xsl:for-each>
        <xsl:text>=</xsl:text>
        <xsl:for-each select="$sc">
          <xsl:sort select="@points" data-type="number" order="ascending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="translate(@points, '|=', '')"/></xsl:if>
        </xsl:for-each>
        <xsl:text>|</xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <section id="matrix" class="brk wide">
      <h2>3. Score matrix</h2>
      <p class="small muted">Points per criterion (maximum under each heading), bids in rank order. Bold: the highest score among ranked bids where they differ; darker shading: nearer the maximum. Shaded: subtotals of the groups and the total. n/s: not scored (the bid is not compliant). Criterion titles are in section 6.</p>
      <div class="matrix-wrap">
        <table class="matrix">
          <thead>
            <tr>
              <th rowspan="3" class="rank">Rank</th>
              <th rowspan="3">Bid</th>
              <xsl:for-each select="$top">
                <xsl:choose>
                  <xsl:when test="self::e:group">
                    <th class="grp" colspan="{count(.//e:criterion) + 1}">
                      <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
                    </th>
                  </xsl:when>
                  <xsl:otherwise>
                    <th class="grp v sub" rowspan="2"><span>
                      <xsl:call-template name="text"><xsl:with-param name="s" select="@id"/></xsl:call-template>
                    </span></th>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
              <th rowspan="2" class="tot num">Total</th>
              <th rowspan="2" class="tot num">%</th>
            </tr>
            <tr>
              <xsl:for-each select="$top[self::e:group]">
                <xsl:for-each select=".//e:criterion">
                  <th class="v">
                    <span>
                      <xsl:attribute name="title">
                        <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
                      </xsl:attribute>
                      <xsl:call-template name="text"><xsl:with-param name="s" select="@id"/></xsl:call-template>
                    </span>
                  </th>
                </xsl:for-each>
                <th class="v sub"><span>subtotal</span></th>
              </xsl:for-each>
            </tr>
            <tr>
              <xsl:for-each select="$top">
                <xsl:for-each select=".//e:criterion">
                  <th class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></th>
                </xsl:for-each>
                <th class="num sub"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></th>
              </xsl:for-each>
              <th class="num tot"><xsl:value-of select="$scale-display"/></th>
              <th class="num tot">100</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$ranked | $unranked[@evaluated = 'true']">
              <xsl:variable name="b" select="."/>
              <tr>
                <xsl:if test="not(@rank)"><xsl:attribute name="class">unranked</xsl:attribute></xsl:if>
                <td class="rank">
                  <xsl:choose>
                    <xsl:when test="@rank"><xsl:call-template name="rank"/></xsl:when>
                    <xsl:otherwise>&#x2013;</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td>
                  <xsl:call-template name="bid-id"/>
                  <div class="small"><xsl:call-template name="bidder"/></div>
                </td>
                <xsl:for-each select="$top">
                  <xsl:for-each select=".//e:criterion">
                    <xsl:call-template name="matrix-cell">
                      <xsl:with-param name="b" select="$b"/>
                      <xsl:with-param name="node" select="."/>
                      <xsl:with-param name="range" select="$range"/>
                    </xsl:call-template>
                  </xsl:for-each>
                  <xsl:call-template name="matrix-cell">
                    <xsl:with-param name="b" select="$b"/>
                    <xsl:with-param name="node" select="."/>
                    <xsl:with-param name="cls" select="'sub'"/>
                  </xsl:call-template>
                </xsl:for-each>
                <xsl:choose>
                  <xsl:when test="@rank">
                    <td class="num tot"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
                    <td class="num tot"><xsl:call-template name="text"><xsl:with-param name="s" select="@percent"/></xsl:call-template></td>
                  </xsl:when>
                  <xsl:otherwise>
                    <td class="tot" colspan="2">not ranked</td>
                  </xsl:otherwise>
                </xsl:choose>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="matrix-cell">
    <xsl:param name="b"/>
    <xsl:param name="node"/>
    <xsl:param name="cls" select="''"/>
    <xsl:param name="range" select="''"/>
    <xsl:variable name="id" select="$node/@id"/>
    <xsl:variable name="s" select="key('bid-score', concat(generate-id($b), ' ', $id))"/>
    <xsl:variable name="mm" select="substring-before(substring-after($range, concat('|', $id, '=')), '|')"/>
    <xsl:variable name="max" select="number(substring-before($mm, '='))"/>
    <xsl:variable name="min" select="number(substring-after($mm, '='))"/>
    <xsl:variable name="best" select="$cls = '' and $b/@rank and $s/@state = 'scored' and number($node/@points) &gt; 0
                  and number($s/@points) &gt;= $max and $min &lt; $max"/>
    <td>
      <xsl:attribute name="class">
        <xsl:value-of select="normalize-space(concat('num ', $cls, substring(' best', 1, 5 * number($best))))"/>
      </xsl:attribute>
      <xsl:if test="$cls = '' and $b/@rank and number($node/@points) &gt; 0 and number($s/@points) &gt;= 0">
        <xsl:attribute name="style">
          <xsl:value-of select="concat('background: rgba(31, 78, 121, ', format-number(0.04 + 0.22 * number($s/@points) div number($node/@points), '0.000'), ')')"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="cell"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    </td>
  </xsl:template>

  <!-- ====================================================== compliance -->

  <xsl:template name="compliance">
    <xsl:variable name="gates" select="$rs/e:gates/e:gate"/>
    <section id="compliance" class="brk">
      <h2>4. Compliance: gates and bids not ranked</h2>
      <p class="small muted">Every gate must hold for a bid to be ranked. A failed gate makes the bid non-compliant: it is kept and reported, not ranked.</p>
      <xsl:choose>
        <xsl:when test="not($gates)">
          <p>The rule set has no gates.</p>
        </xsl:when>
        <xsl:otherwise>
          <div class="matrix-wrap">
            <table class="gates">
              <thead>
                <tr>
                  <th>Bid</th>
                  <xsl:for-each select="$gates">
                    <th class="c small">
                      <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
                    </th>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$bids">
                  <xsl:variable name="b" select="."/>
                  <tr>
                    <td>
                      <xsl:call-template name="bid-id"/>
                      <div class="small"><xsl:call-template name="bidder"/></div>
                    </td>
                    <xsl:choose>
                      <xsl:when test="@evaluated = 'false'">
                        <td colspan="{count($gates)}" class="fail">not evaluated</td>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:for-each select="$gates">
                          <xsl:variable name="id" select="@id"/>
                          <xsl:variable name="g" select="$b/e:gate[@ref = $id]"/>
                          <td class="c">
                            <xsl:if test="$g/@passed = 'false'"><xsl:attribute name="class">c failcell</xsl:attribute></xsl:if>
                            <xsl:choose>
                              <xsl:when test="$g/@passed = 'true'"><span class="pass">&#x2713; pass</span></xsl:when>
                              <xsl:when test="$g/@passed = 'false'"><span class="fail">&#x2717; FAIL</span></xsl:when>
                              <xsl:otherwise><span class="muted">&#x2013;</span></xsl:otherwise>
                            </xsl:choose>
                          </td>
                        </xsl:for-each>
                      </xsl:otherwise>
                    </xsl:choose>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <h3>Gates and their basis</h3>
          <table>
            <thead><tr><th>Gate</th><th>Basis</th><th class="num">Failed by</th></tr></thead>
            <tbody>
              <xsl:for-each select="$gates">
                <xsl:variable name="id" select="@id"/>
                <tr>
                  <td>
                    <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
                    <div class="small muted id"><xsl:call-template name="text"><xsl:with-param name="s" select="@id"/></xsl:call-template></div>
                  </td>
                  <td class="cite"><xsl:call-template name="text"><xsl:with-param name="s" select="@cite"/></xsl:call-template></td>
                  <td class="num"><xsl:value-of select="count($bids/e:gate[@ref = $id][@passed = 'false'])"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:otherwise>
      </xsl:choose>

      <h3>Bids not ranked</h3>
      <xsl:choose>
        <xsl:when test="not($unranked)">
          <p>Every bid received is compliant and ranked.</p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$unranked">
            <div class="card sev-b-high">
              <div class="head">
                <span class="title"><xsl:call-template name="bid-id"/>&#xa0; <xsl:call-template name="bidder"/></span>
                <span class="muted small">
                  <xsl:choose>
                    <xsl:when test="@evaluated = 'false'">not evaluated</xsl:when>
                    <xsl:otherwise>evaluated, not compliant</xsl:otherwise>
                  </xsl:choose>
                </span>
              </div>
              <xsl:for-each select="e:gate[@passed = 'false']">
                <p class="msg">
                  <span class="fail">Failed gate: </span>
                  <b><xsl:call-template name="text"><xsl:with-param name="s" select="key('gatedef', @ref)/e:title"/></xsl:call-template></b>.
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template>
                </p>
                <p class="cite"><b>Basis:</b><xsl:text> </xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="key('gatedef', @ref)/@cite"/></xsl:call-template></p>
              </xsl:for-each>
              <xsl:if test="e:exclusion">
                <p class="msg"><span class="fail">Excluded: </span><xsl:call-template name="text"><xsl:with-param name="s" select="e:exclusion"/></xsl:call-template></p>
              </xsl:if>
              <xsl:for-each select="e:problem">
                <p class="msg"><span class="fail">Problem: </span><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></p>
              </xsl:for-each>
              <p class="small muted">File <span class="mono"><xsl:call-template name="text"><xsl:with-param name="s" select="@file"/></xsl:call-template></span></p>
            </div>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$ranked/e:problem">
        <h3>Problems reported on ranked bids</h3>
        <ul>
          <xsl:for-each select="$ranked/e:problem">
            <li><xsl:call-template name="bid-id"><xsl:with-param name="b" select=".."/></xsl:call-template>: <xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- =========================================================== flags -->

  <xsl:template name="flags">
    <section id="flags" class="brk">
      <h2>5. Flags</h2>
      <p class="small muted">Risks the rule set asks the panel to investigate, most severe first. A flag does not change a score; unless its rule excludes the bid, the panel records its decision on each.</p>
      <xsl:choose>
        <xsl:when test="not($bids/e:flag)">
          <p>No flag was raised on any bid.</p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="flag-group"><xsl:with-param name="sev" select="'critical'"/></xsl:call-template>
          <xsl:call-template name="flag-group"><xsl:with-param name="sev" select="'high'"/></xsl:call-template>
          <xsl:call-template name="flag-group"><xsl:with-param name="sev" select="'medium'"/></xsl:call-template>
          <xsl:call-template name="flag-group"><xsl:with-param name="sev" select="'low'"/></xsl:call-template>
          <xsl:call-template name="flag-group"><xsl:with-param name="sev" select="'info'"/></xsl:call-template>
          <xsl:variable name="other" select="$bids/e:flag[not(@severity = 'critical' or @severity = 'high' or @severity = 'medium' or @severity = 'low' or @severity = 'info')]"/>
          <xsl:if test="$other">
            <xsl:call-template name="flag-list">
              <xsl:with-param name="heading" select="'Other'"/>
              <xsl:with-param name="fl" select="$other"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="flag-group">
    <xsl:param name="sev"/>
    <xsl:variable name="fl" select="$bids/e:flag[@severity = $sev]"/>
    <xsl:if test="$fl">
      <xsl:call-template name="flag-list">
        <xsl:with-param name="heading">
          <xsl:call-template name="severity-name"><xsl:with-param name="s" select="$sev"/></xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="fl" select="$fl"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="flag-list">
    <xsl:param name="heading"/>
    <xsl:param name="fl"/>
    <h3><xsl:value-of select="$heading"/> (<xsl:value-of select="count($fl)"/>)</h3>
    <xsl:for-each select="$fl">
      <xsl:variable name="def" select="key('flagdef', @ref)"/>
      <div>
        <xsl:attribute name="class">
          <xsl:value-of select="'card'"/>
          <xsl:if test="@severity = 'critical' or @severity = 'high' or @severity = 'medium' or @severity = 'low'">
            <xsl:value-of select="concat(' sev-b-', @severity)"/>
          </xsl:if>
        </xsl:attribute>
        <div class="head">
          <span>
            <xsl:attribute name="class">
              <xsl:call-template name="sev-class"><xsl:with-param name="s" select="@severity"/></xsl:call-template>
            </xsl:attribute>
            <xsl:call-template name="text"><xsl:with-param name="s" select="@severity"/></xsl:call-template>
          </span>
          <span class="title">
            <xsl:call-template name="text"><xsl:with-param name="s" select="$def/e:title"/></xsl:call-template>
          </span>
          <span class="small muted id"><xsl:call-template name="text"><xsl:with-param name="s" select="@ref"/></xsl:call-template></span>
          <span class="who">
            <xsl:call-template name="bid-id"><xsl:with-param name="b" select=".."/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="bidder"><xsl:with-param name="b" select=".."/></xsl:call-template>
            <span class="muted">
              <xsl:choose>
                <xsl:when test="../@rank"> (rank <xsl:call-template name="rank"><xsl:with-param name="b" select=".."/></xsl:call-template>)</xsl:when>
                <xsl:otherwise> (not ranked)</xsl:otherwise>
              </xsl:choose>
            </span>
          </span>
          <xsl:if test="$def/@excludes = 'true'"><span class="fail small">excludes the bid</span></xsl:if>
        </div>
        <p class="msg"><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></p>
        <xsl:if test="@decision">
          <p class="msg">
            <b>
              <xsl:choose>
                <xsl:when test="@decision = 'excluded'">Panel decision: bid excluded</xsl:when>
                <xsl:otherwise>Panel decision: considered, bid kept</xsl:otherwise>
              </xsl:choose>
            </b>
            <xsl:text> (</xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="d" select="@decided"/></xsl:call-template>
            <xsl:text>, agreed by </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="@decided-by"/></xsl:call-template>
            <xsl:text>): </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="@decision-note"/></xsl:call-template>
          </p>
        </xsl:if>
        <p class="cite"><b>Cites:</b><xsl:text> </xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="$def/@cite"/></xsl:call-template></p>
      </div>
    </xsl:for-each>
  </xsl:template>

  <!-- ======================================================== criteria -->

  <xsl:template name="criteria">
    <section id="criteria" class="brk">
      <h2>6. Award criteria</h2>
      <p class="small muted">
        <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/e:title"/></xsl:call-template>
        <xsl:text>. Weights as published (points, or a percentage of the parent's points); maxima in points out of </xsl:text>
        <xsl:value-of select="$scale-display"/>.
      </p>
      <table>
        <thead>
          <tr><th>Criterion</th><th>Method</th><th class="num">Weight</th><th class="num">Max points</th><th>Basis</th></tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$top" mode="criteria-row"/>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <xsl:template match="e:group | e:criterion" mode="criteria-row">
    <xsl:variable name="depth" select="count(ancestor::e:group)"/>
    <tr>
      <xsl:if test="self::e:group"><xsl:attribute name="class">group</xsl:attribute></xsl:if>
      <td>
        <xsl:if test="$depth &gt; 0">
          <xsl:attribute name="class"><xsl:value-of select="concat('indent', substring('123', 1 + number($depth &gt; 1) + number($depth &gt; 2), 1))"/></xsl:attribute>
        </xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
        <div class="small muted id"><xsl:call-template name="text"><xsl:with-param name="s" select="@id"/></xsl:call-template></div>
      </td>
      <td class="small nowrap">
        <xsl:choose>
          <xsl:when test="self::e:group">group</xsl:when>
          <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="@method"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@weight"/></xsl:call-template></td>
      <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
      <td class="cite"><xsl:call-template name="text"><xsl:with-param name="s" select="@cite"/></xsl:call-template></td>
    </tr>
    <xsl:apply-templates select="e:group | e:criterion" mode="criteria-row"/>
  </xsl:template>

  <!-- ==================================================== explanations -->

  <xsl:template name="explanations">
    <section id="explanations" class="brk">
      <h2>7. Explanations</h2>
      <p class="small muted">Every score with the engine's explanation: the inputs, the formula and the result. Bids in rank order, then the bids not ranked.</p>
      <xsl:for-each select="$bids">
        <xsl:variable name="b" select="."/>
        <div class="explbid">
          <h3>
            <xsl:call-template name="bid-id"/>
            <xsl:text>&#xa0; </xsl:text>
            <xsl:call-template name="bidder"/>
            <span class="muted">
              <xsl:choose>
                <xsl:when test="@rank">
                  <xsl:text> &#x2014; rank </xsl:text><xsl:call-template name="rank"/>
                  <xsl:call-template name="text"><xsl:with-param name="s" select="concat(', ', @display, ' points (', @percent, '%)')"/></xsl:call-template>
                </xsl:when>
                <xsl:when test="@evaluated = 'false'"> &#x2014; not evaluated</xsl:when>
                <xsl:otherwise> &#x2014; not ranked</xsl:otherwise>
              </xsl:choose>
            </span>
          </h3>
          <xsl:for-each select="e:problem">
            <p class="problem small">Problem: <xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></p>
          </xsl:for-each>
          <xsl:if test="e:score">
            <table class="expl">
              <thead><tr><th style="width: 30%">Criterion</th><th class="num">Points</th><th class="num">Max</th><th>Explanation</th></tr></thead>
              <tbody>
                <xsl:apply-templates select="$top" mode="expl-row">
                  <xsl:with-param name="b" select="$b"/>
                </xsl:apply-templates>
                <tr class="group">
                  <td>Total</td>
                  <xsl:choose>
                    <xsl:when test="@rank">
                      <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
                      <td class="num"><xsl:value-of select="$scale-display"/></td>
                      <td class="expl"><xsl:call-template name="text"><xsl:with-param name="s" select="concat(@percent, '% of the maximum')"/></xsl:call-template></td>
                    </xsl:when>
                    <xsl:otherwise>
                      <td class="num">&#x2013;</td>
                      <td class="num"><xsl:value-of select="$scale-display"/></td>
                      <td class="expl"><xsl:call-template name="text"><xsl:with-param name="s" select="concat('no total: the bid is not compliant and not ranked (the items scored add up to ', @display, ')')"/></xsl:call-template></td>
                    </xsl:otherwise>
                  </xsl:choose>
                </tr>
              </tbody>
            </table>
          </xsl:if>
        </div>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template match="e:group | e:criterion" mode="expl-row">
    <xsl:param name="b"/>
    <xsl:variable name="id" select="@id"/>
    <xsl:variable name="s" select="key('bid-score', concat(generate-id($b), ' ', $id))"/>
    <xsl:variable name="depth" select="count(ancestor::e:group)"/>
    <tr>
      <xsl:if test="self::e:group"><xsl:attribute name="class">group</xsl:attribute></xsl:if>
      <td>
        <xsl:if test="$depth &gt; 0">
          <xsl:attribute name="class"><xsl:value-of select="concat('indent', substring('123', 1 + number($depth &gt; 1) + number($depth &gt; 2), 1))"/></xsl:attribute>
        </xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
      </td>
      <td class="num"><xsl:call-template name="cell"><xsl:with-param name="s" select="$s"/></xsl:call-template></td>
      <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template></td>
      <td class="expl"><xsl:call-template name="text"><xsl:with-param name="s" select="$s"/></xsl:call-template></td>
    </tr>
    <xsl:apply-templates select="e:group | e:criterion" mode="expl-row">
      <xsl:with-param name="b" select="$b"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- =========================================================== panel -->

  <!-- The panel's decision record (Provider Selection Regime 2023 reg 24):
       the decision makers and their declared interests, the moderation
       policy, the conflicts and how each was managed, and per question and
       bid every evaluator's mark, the moderated score and the panel score.
       Records are reached through keys, so the section stays linear in the
       number of marks. -->
  <xsl:template name="panel">
    <section id="panel" class="brk">
      <h2>8. Panel record</h2>
      <p class="small muted">The record of the panel's evaluation: who made the decision and the interests each declared, how scores were moderated, the conflicts of interest and how each was managed, and, question by question, every evaluator's score and justification, the moderated score with its note and the panel score that results.</p>

      <h3>Decision makers</h3>
      <table class="members">
        <thead><tr><th>Id</th><th>Name</th><th>Role</th><th>Declared interests</th></tr></thead>
        <tbody>
          <xsl:for-each select="$panel/e:evaluator">
            <tr class="member">
              <td class="nowrap"><bdi class="id"><xsl:call-template name="text"><xsl:with-param name="s" select="@id"/></xsl:call-template></bdi></td>
              <td><bdi><xsl:call-template name="text"><xsl:with-param name="s" select="@name"/></xsl:call-template></bdi></td>
              <td><xsl:call-template name="text"><xsl:with-param name="s" select="@role"/></xsl:call-template></td>
              <td>
                <xsl:choose>
                  <xsl:when test="e:interest">
                    <ul class="interests">
                      <xsl:for-each select="e:interest">
                        <li class="interest">
                          <bdi><xsl:call-template name="text"><xsl:with-param name="s" select="@organisation"/></xsl:call-template></bdi>
                          <xsl:text> &#x2014; </xsl:text>
                          <xsl:call-template name="text"><xsl:with-param name="s" select="@nature"/></xsl:call-template>
                        </li>
                      </xsl:for-each>
                    </ul>
                  </xsl:when>
                  <xsl:otherwise><span class="muted">none declared</span></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not($panel/e:evaluator)">
            <tr><td colspan="4" class="muted">The evaluation names no panel member.</td></tr>
          </xsl:if>
        </tbody>
      </table>

      <h3>Moderation policy</h3>
      <dl class="kv policy">
        <dt>Panel score</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$panel/@method = 'median'">The median of the evaluators&#x2019; scores that count; where the panel agrees a moderated score, the moderated score stands instead.</xsl:when>
            <xsl:when test="$panel/@method = 'mean'">The mean of the evaluators&#x2019; scores that count; where the panel agrees a moderated score, the moderated score stands instead.</xsl:when>
            <xsl:when test="$panel/@method = 'consensus'">The moderated score the panel agrees for each question (consensus); the evaluators&#x2019; own scores are recorded but not combined.</xsl:when>
            <xsl:otherwise>
              <xsl:text>Method </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="$panel/@method"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>Minimum evaluators</dt>
        <dd>
          <xsl:text>At least </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$panel/@min-evaluators"/></xsl:call-template>
          <xsl:text> evaluators&#x2019; scores must count for each question and bid, and a moderated score must be agreed by at least as many evaluators without a conflict with the bid.</xsl:text>
        </dd>
        <dt>A missing score</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$panel/@missing = 'require-moderated'">When an evaluator did not score a question, the rest of the panel must agree a moderated score; without one the bid has no score for that question.</xsl:when>
            <xsl:when test="$panel/@missing = 'ignore'">Left out: the panel score is worked out from the scores given, provided enough evaluators scored.</xsl:when>
            <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="$panel/@missing"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>A conflict of interest</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$panel/@conflicts = 'exclude'">An evaluator who declared an interest in the bidder or in a member of its consortium takes no part in that bid&#x2019;s decision: their scores for the bid are excluded from moderation (shown below, marked excluded).</xsl:when>
            <xsl:when test="$panel/@conflicts = 'keep'">An evaluator who declared an interest in the bidder or in a member of its consortium keeps their scores for that bid; the conflict is flagged for the panel and recorded below.</xsl:when>
            <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="$panel/@conflicts"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </dd>
        <xsl:for-each select="$ev/e:ruleset/e:flags/e:flag[@kind = 'panel-spread']">
          <dt>Scores far apart</dt>
          <dd>
            <xsl:text>Flagged (</xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="@id"/></xsl:call-template>
            <xsl:text>) when the scores that count on a question are more than </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="@above"/></xsl:call-template>
            <xsl:text> points apart.</xsl:text>
          </dd>
        </xsl:for-each>
        <xsl:if test="string($panel/@cite) != ''">
          <dt>Basis</dt>
          <dd class="cite"><xsl:call-template name="text"><xsl:with-param name="s" select="$panel/@cite"/></xsl:call-template></dd>
        </xsl:if>
      </dl>

      <h3>Conflicts of interest</h3>
      <xsl:choose>
        <xsl:when test="$bids/e:conflict">
          <table class="conflicts">
            <thead><tr><th>Evaluator</th><th>Interest declared in</th><th>Bid</th><th>Relation</th><th>Nature of the interest</th><th>How managed</th></tr></thead>
            <tbody>
              <xsl:for-each select="$bids/e:conflict">
                <tr class="conflict">
                  <td><xsl:call-template name="evaluator-name"><xsl:with-param name="id" select="@evaluator"/></xsl:call-template></td>
                  <td><bdi><xsl:call-template name="text"><xsl:with-param name="s" select="@organisation"/></xsl:call-template></bdi></td>
                  <td>
                    <xsl:call-template name="bid-id"><xsl:with-param name="b" select=".."/></xsl:call-template>
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="bidder"><xsl:with-param name="b" select=".."/></xsl:call-template>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@relation = 'bidder'">the bidder</xsl:when>
                      <xsl:when test="@relation = 'member'">
                        <xsl:text>a consortium member</xsl:text>
                        <xsl:if test="string(@party) != string(@organisation)">
                          <xsl:text> (</xsl:text>
                          <bdi><xsl:call-template name="text"><xsl:with-param name="s" select="@party"/></xsl:call-template></bdi>
                          <xsl:text>)</xsl:text>
                        </xsl:if>
                      </xsl:when>
                      <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="@relation"/></xsl:call-template></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@managed = 'excluded'">scores for this bid excluded from moderation</xsl:when>
                      <xsl:when test="@managed = 'kept'">scores kept and flagged</xsl:when>
                      <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="@managed"/></xsl:call-template></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p>No declared interest names a bidder or consortium member.</p>
        </xsl:otherwise>
      </xsl:choose>

      <!-- one table per panel question, in the rule set's criterion order;
           then any record whose criterion the rule set does not list -->
      <xsl:for-each select="$rs/e:criteria//e:criterion[key('record-by-ref', @id)]">
        <xsl:call-template name="panel-question">
          <xsl:with-param name="records" select="key('record-by-ref', @id)"/>
          <xsl:with-param name="criterion" select="."/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$bids/e:panel-record[not(key('node', @ref))]
                            [count(. | key('record-by-ref', @ref)[1]) = 1]">
        <xsl:call-template name="panel-question">
          <xsl:with-param name="records" select="key('record-by-ref', @ref)"/>
          <xsl:with-param name="criterion" select="/.."/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="not($bids/e:panel-record)">
        <p>No bid has a panel record.</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- an evaluator as "Name (E1)", or the id alone when the panel does not
       list it -->
  <xsl:template name="evaluator-name">
    <xsl:param name="id"/>
    <xsl:variable name="m" select="key('evaluator', $id)"/>
    <xsl:if test="$m">
      <bdi><xsl:call-template name="text"><xsl:with-param name="s" select="$m[1]/@name"/></xsl:call-template></bdi>
      <xsl:text> </xsl:text>
    </xsl:if>
    <span class="muted">
      <xsl:text>(</xsl:text>
      <bdi class="id"><xsl:call-template name="text"><xsl:with-param name="s" select="$id"/></xsl:call-template></bdi>
      <xsl:text>)</xsl:text>
    </span>
  </xsl:template>

  <!-- "1 score", "4 scores" -->
  <xsl:template name="n-scores">
    <xsl:param name="n"/>
    <xsl:call-template name="text"><xsl:with-param name="s" select="$n"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="string($n) = '1'"> score</xsl:when>
      <xsl:otherwise> scores</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="panel-question">
    <xsl:param name="records"/>
    <xsl:param name="criterion"/>
    <h3>
      <xsl:if test="not(starts-with($criterion/e:title, concat($records[1]/@question, ' ')))">
        <xsl:text>Question </xsl:text>
        <xsl:call-template name="text"><xsl:with-param name="s" select="$records[1]/@question"/></xsl:call-template>
        <xsl:if test="$criterion">: </xsl:if>
      </xsl:if>
      <xsl:call-template name="text"><xsl:with-param name="s" select="$criterion/e:title"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <span class="small muted id"><xsl:call-template name="text"><xsl:with-param name="s" select="$records[1]/@ref"/></xsl:call-template></span>
    </h3>
    <table class="panel">
      <thead><tr><th>Evaluator</th><th class="num">Score</th><th>State</th><th>Justification</th></tr></thead>
      <xsl:for-each select="$records">
        <xsl:call-template name="panel-record"/>
      </xsl:for-each>
    </table>
  </xsl:template>

  <!-- a panel record's score to at most two decimals: the engine's
       @display (rounded half away from zero on the exact value, as every
       figure is); an older evaluation has only @value -->
  <xsl:template name="panel-value">
    <xsl:choose>
      <xsl:when test="@display">
        <xsl:call-template name="text"><xsl:with-param name="s" select="@display"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="string(number(@value)) != 'NaN'">
        <xsl:value-of select="format-number(number(@value), '0.##')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="text"><xsl:with-param name="s" select="@value"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One bid's record on one question, as a table body. The context is
       the panel-record. -->
  <xsl:template name="panel-record">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="b" select=".."/>
    <xsl:variable name="q" select="concat(' ', @question)"/>
    <!-- the bid's panel flags on this question (their @questions) -->
    <xsl:variable name="fl" select="$b/e:flag[contains(concat(' ', @questions, ' '), concat($q, ' '))]"/>
    <xsl:variable name="unexplained" select="e:moderated[normalize-space(.) = ''] and $r/@low and $r/@high
                                             and (number(e:moderated/@value) &lt; number($r/@low) or number(e:moderated/@value) &gt; number($r/@high))"/>
    <xsl:variable name="score" select="key('bid-score', concat(generate-id($b), ' ', $r/@ref))"/>
    <tbody>
      <xsl:attribute name="class">
        <xsl:text>prec</xsl:text>
        <xsl:if test="$fl or $unexplained or e:mark[@state = 'missing']"> flagged</xsl:if>
      </xsl:attribute>
      <tr>
        <th colspan="4" scope="rowgroup" class="bidhead">
          <xsl:call-template name="bid-id"><xsl:with-param name="b" select="$b"/></xsl:call-template>
          <xsl:text>&#xa0; </xsl:text>
          <xsl:call-template name="bidder"><xsl:with-param name="b" select="$b"/></xsl:call-template>
          <span class="muted">
            <xsl:choose>
              <xsl:when test="$b/@rank"> (rank <xsl:call-template name="rank"><xsl:with-param name="b" select="$b"/></xsl:call-template>)</xsl:when>
              <xsl:otherwise> (not ranked)</xsl:otherwise>
            </xsl:choose>
          </span>
          <xsl:for-each select="$fl">
            <span>
              <xsl:attribute name="class">
                <xsl:call-template name="sev-class"><xsl:with-param name="s" select="@severity"/></xsl:call-template>
              </xsl:attribute>
              <xsl:call-template name="text"><xsl:with-param name="s" select="key('flagdef', @ref)/e:title"/></xsl:call-template>
            </span>
          </xsl:for-each>
          <xsl:if test="$unexplained and not($fl)">
            <span class="sev sev-high">Moderated outside the evaluators&#x2019; scores without a note</span>
          </xsl:if>
        </th>
      </tr>
      <xsl:for-each select="e:mark">
        <xsl:variable name="kept" select="@state = 'counted' and $b/e:conflict[@evaluator = current()/@evaluator]"/>
        <tr>
          <xsl:attribute name="class">
            <xsl:text>mark</xsl:text>
            <xsl:choose>
              <xsl:when test="@state = 'excluded'"> excluded</xsl:when>
              <xsl:when test="@state = 'missing'"> missing</xsl:when>
            </xsl:choose>
          </xsl:attribute>
          <td class="who"><xsl:call-template name="evaluator-name"><xsl:with-param name="id" select="@evaluator"/></xsl:call-template></td>
          <td class="num">
            <xsl:choose>
              <xsl:when test="@value"><xsl:call-template name="text"><xsl:with-param name="s" select="@value"/></xsl:call-template></xsl:when>
              <xsl:otherwise><span class="muted">no score</span></xsl:otherwise>
            </xsl:choose>
          </td>
          <td class="state">
            <xsl:choose>
              <xsl:when test="@state = 'counted' and $kept">counted (conflict declared, kept)</xsl:when>
              <xsl:when test="@state = 'counted'">counted</xsl:when>
              <xsl:when test="@state = 'excluded'">excluded &#x2014; conflict of interest</xsl:when>
              <xsl:when test="@state = 'missing'">did not score</xsl:when>
              <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="@state"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </td>
          <td class="expl"><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></td>
        </tr>
      </xsl:for-each>
      <xsl:for-each select="e:moderated">
        <tr>
          <xsl:attribute name="class">
            <xsl:text>moderated</xsl:text>
            <xsl:if test="$unexplained"> unexplained</xsl:if>
          </xsl:attribute>
          <td>Moderated score</td>
          <td class="num"><xsl:call-template name="text"><xsl:with-param name="s" select="@value"/></xsl:call-template></td>
          <td>
            <xsl:text>agreed by </xsl:text>
            <xsl:call-template name="agreed-by"><xsl:with-param name="ids" select="@agreed-by"/></xsl:call-template>
          </td>
          <td class="expl">
            <xsl:choose>
              <xsl:when test="normalize-space(.) != ''"><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:when>
              <xsl:otherwise><span class="fail">no moderation note</span></xsl:otherwise>
            </xsl:choose>
          </td>
        </tr>
      </xsl:for-each>
      <tr class="result">
        <td>Panel score</td>
        <td class="num">
          <xsl:choose>
            <xsl:when test="@value"><xsl:call-template name="panel-value"/></xsl:when>
            <xsl:otherwise>&#x2013;</xsl:otherwise>
          </xsl:choose>
        </td>
        <td colspan="2">
          <xsl:choose>
            <xsl:when test="@basis = 'median'">median of <xsl:call-template name="n-scores"><xsl:with-param name="n" select="@counted"/></xsl:call-template></xsl:when>
            <xsl:when test="@basis = 'mean'">mean of <xsl:call-template name="n-scores"><xsl:with-param name="n" select="@counted"/></xsl:call-template></xsl:when>
            <xsl:when test="@basis = 'moderated'">moderated score</xsl:when>
            <xsl:when test="@basis = 'none'"><span class="problem">no score: see problems</span></xsl:when>
            <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="s" select="@basis"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$score[@state = 'scored']">
            <span class="muted">
              <xsl:text>; </xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="s" select="concat($score[1]/@display, ' of ', $score[1]/@max, ' points')"/></xsl:call-template>
            </span>
          </xsl:if>
          <xsl:if test="@basis = 'none'">
            <xsl:for-each select="$b/e:problem[contains(., concat('rule ', $r/@ref, ' ')) or contains(., concat('question ', $r/@question, ':'))]">
              <div class="problem small"><xsl:call-template name="text"><xsl:with-param name="s" select="."/></xsl:call-template></div>
            </xsl:for-each>
          </xsl:if>
        </td>
      </tr>
    </tbody>
  </xsl:template>

  <!-- the evaluators who agreed a moderated score, by name in the panel's
       order; the ids as recorded when one is not on the panel -->
  <xsl:template name="agreed-by">
    <xsl:param name="ids"/>
    <xsl:variable name="list" select="concat(' ', normalize-space($ids), ' ')"/>
    <xsl:variable name="known" select="$panel/e:evaluator[contains($list, concat(' ', @id, ' '))]"/>
    <xsl:variable name="n" select="string-length(normalize-space($ids)) - string-length(translate(normalize-space($ids), ' ', '')) + number(normalize-space($ids) != '')"/>
    <xsl:for-each select="$known">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:call-template name="evaluator-name"><xsl:with-param name="id" select="@id"/></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="count($known) != $n">
      <xsl:if test="$known">; </xsl:if>
      <xsl:text>as recorded: </xsl:text>
      <span class="id"><xsl:call-template name="text"><xsl:with-param name="s" select="$ids"/></xsl:call-template></span>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================== record -->

  <xsl:template name="record">
    <section id="record" class="brk">
      <h2>
        <xsl:choose>
          <xsl:when test="$panel">9</xsl:when>
          <xsl:otherwise>8</xsl:otherwise>
        </xsl:choose>
        <xsl:text>. Record of the evaluation</xsl:text>
      </h2>
      <dl class="kv">
        <dt>Tender</dt>
        <dd>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
          <xsl:text> (</xsl:text>
          <span class="id"><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template></span>
          <xsl:text>), currency </xsl:text>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@currency"/></xsl:call-template>
        </dd>
        <dt>Commissioner</dt>
        <dd><xsl:call-template name="text"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template></dd>
        <xsl:if test="$regime != '' or $ss">
        <dt>Regime</dt>
        <dd data-element="record-regime"><xsl:value-of select="$regime-name"/></dd>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$ss">
        <dt>Notice date</dt>
        <dd data-element="record-notice-date">
          <xsl:call-template name="date"><xsl:with-param name="d" select="$notice-date"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template>
          <span class="muted"> (<xsl:call-template name="text"><xsl:with-param name="s" select="$notice-date"/></xsl:call-template>)</span>
        </dd>
        <dt>Standstill period</dt>
        <dd data-element="record-standstill">
          <xsl:call-template name="text"><xsl:with-param name="s" select="$ss/@days"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="$ss/@unit = 'working-days'"> working days</xsl:when>
            <xsl:otherwise> days</xsl:otherwise>
          </xsl:choose>
          <xsl:choose>
            <xsl:when test="count($firsts) != 1">
              <xsl:text>; not started (no award decision)</xsl:text>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>, from </xsl:text>
              <xsl:call-template name="date"><xsl:with-param name="d" select="$ss/@begins"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template>
              <xsl:text>, ending at midnight at the end of </xsl:text>
              <b><xsl:call-template name="date"><xsl:with-param name="d" select="$ss/@ends"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template></b>
              <span class="muted"> (<xsl:call-template name="text"><xsl:with-param name="s" select="$ss/@ends"/></xsl:call-template>)</span>
            </xsl:otherwise>
          </xsl:choose>
          <div class="small" data-element="record-standstill-rule">
            <xsl:text>Rule applied: </xsl:text>
            <xsl:call-template name="text"><xsl:with-param name="s" select="$ss/@rule"/></xsl:call-template>
            <xsl:if test="$ss/@cite">
              <xsl:text> (</xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="$ss/@cite"/></xsl:call-template><xsl:text>)</xsl:text>
            </xsl:if>
            <xsl:if test="$ss/@calendar">
              <xsl:text>; calendar </xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="$ss/@calendar"/></xsl:call-template>
            </xsl:if>
            <xsl:if test="normalize-space($ss/text())">
              <xsl:text>. </xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="normalize-space($ss/text())"/></xsl:call-template>
            </xsl:if>
          </div>
          <xsl:if test="$ss/e:skipped">
            <div class="small" data-element="record-standstill-skipped">
              <xsl:text>Days not counted: </xsl:text>
              <xsl:for-each select="$ss/e:skipped">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:call-template name="date"><xsl:with-param name="d" select="@date"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="text"><xsl:with-param name="s" select="@reason"/></xsl:call-template>
                <xsl:if test="@source != 'weekend'">
                  <xsl:text> (</xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="@source"/></xsl:call-template><xsl:text>)</xsl:text>
                </xsl:if>
              </xsl:for-each>
            </div>
          </xsl:if>
        </dd>
          </xsl:when>
          <xsl:otherwise>
        <dt>Decision date</dt>
        <dd>
          <xsl:call-template name="date"><xsl:with-param name="d" select="$tender/@decision-date"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template>
          <span class="muted"> (<xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@decision-date"/></xsl:call-template>)</span>
        </dd>
        <dt>Standstill period</dt>
        <dd>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@standstill-days"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="count($firsts) != 1">
              <xsl:text> days; not started (no award decision)</xsl:text>
            </xsl:when>
            <xsl:otherwise>
          <xsl:text> days, ending at midnight at the end of </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="d" select="$tender/@standstill-ends"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template>
          <span class="muted"> (<xsl:call-template name="text"><xsl:with-param name="s" select="$tender/@standstill-ends"/></xsl:call-template>; Public Contracts Regulations 2015 reg 87)</span>
          <xsl:if test="number($tender/@standstill-extended) &gt; 0">
            <span class="muted">
              <xsl:text>; carried </xsl:text>
              <xsl:value-of select="number($tender/@standstill-extended)"/>
              <xsl:text> day(s) past a weekend or a non-working day of the tender to the next working day</xsl:text>
            </span>
          </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
          </xsl:otherwise>
        </xsl:choose>
        <dt>Rule set</dt>
        <dd>
          <xsl:call-template name="text"><xsl:with-param name="s" select="$rs/e:title"/></xsl:call-template>
          <xsl:text>: id </xsl:text>
          <span class="id"><xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@id"/></xsl:call-template></span>
          <xsl:text>, version </xsl:text>
          <span class="id"><xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@version"/></xsl:call-template></span>
          <xsl:text>, scale </xsl:text><xsl:value-of select="$scale-display"/>
          <xsl:text>, precision </xsl:text><xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@precision"/></xsl:call-template>
        </dd>
        <dt>Rule set SHA-256</dt>
        <dd class="sha"><xsl:call-template name="text"><xsl:with-param name="s" select="$rs/@sha256"/></xsl:call-template></dd>
        <dt>Engine</dt>
        <dd>tender <xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@engine-version"/></xsl:call-template></dd>
        <dt>Result created</dt>
        <dd><xsl:call-template name="text"><xsl:with-param name="s" select="$ev/@created"/></xsl:call-template></dd>
      </dl>
      <h3>Inputs</h3>
      <table class="inputs">
        <thead><tr><th>Role</th><th>Path</th><th>Bid</th><th>SHA-256</th></tr></thead>
        <tbody>
          <xsl:for-each select="$ev/e:inputs/e:input">
            <xsl:variable name="path" select="@path"/>
            <tr>
              <td><xsl:call-template name="text"><xsl:with-param name="s" select="@role"/></xsl:call-template></td>
              <td class="path mono"><xsl:call-template name="text"><xsl:with-param name="s" select="@path"/></xsl:call-template></td>
              <td>
                <xsl:if test="@role = 'bid'">
                  <xsl:for-each select="$bids[@file = $path]">
                    <xsl:if test="position() &gt; 1">, </xsl:if>
                    <xsl:call-template name="bid-id"/>
                  </xsl:for-each>
                </xsl:if>
              </td>
              <td class="sha"><xsl:call-template name="text"><xsl:with-param name="s" select="@sha256"/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

</xsl:stylesheet>
