<?xml version="1.0" encoding="UTF-8"?>
<!--
  markdown.xsl - a GitHub-flavoured Markdown summary of an evaluation, for
  pasting into papers and tickets: decision, ranking, bids not ranked, flags,
  score matrix, the panel record (when the evaluation has a panel), inputs and
  versions.

  Input: evaluation.xml (namespace urn:tender:evaluation:1). Parameters: none.

  The text output method escapes nothing, so every value from the input goes
  through the template "md", which backslash-escapes the characters Markdown
  gives a meaning to, turns line breaks into spaces and shows characters that
  reorder text as [U+202E] and the like. A bidder's name therefore cannot
  break a table, start a heading, or make a link, an image or HTML.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:e="urn:tender:evaluation:1"
                exclude-result-prefixes="e">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:strip-space elements="*"/>

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

  <xsl:variable name="nl" select="'&#10;'"/>
  <!-- shown as [U+XXXX]: the bidirectional controls, and the C1 controls
       (U+0080-U+009F; U+009B is a terminal's one-byte CSI) -->
  <xsl:variable name="bidi" select="'&#x202A;&#x202B;&#x202C;&#x202D;&#x202E;&#x2066;&#x2067;&#x2068;&#x2069;&#x80;&#x81;&#x82;&#x83;&#x84;&#x85;&#x86;&#x87;&#x88;&#x89;&#x8A;&#x8B;&#x8C;&#x8D;&#x8E;&#x8F;&#x90;&#x91;&#x92;&#x93;&#x94;&#x95;&#x96;&#x97;&#x98;&#x99;&#x9A;&#x9B;&#x9C;&#x9D;&#x9E;&#x9F;'"/>
  <xsl:variable name="bidi-hex" select="'202A202B202C202D202E20662067206820690080008100820083008400850086008700880089008A008B008C008D008E008F0090009100920093009400950096009700980099009A009B009C009D009E009F'"/>
  <!-- characters that are always escaped or replaced -->
  <xsl:variable name="md-special" select="concat('\`*_[]&lt;&gt;#|~&amp;$', '&#9;&#10;&#13;', $bidi)"/>

  <!-- one bid's score for a criterion: key('bid-score', concat(generate-id($bid), ' ', $id)) -->
  <xsl:key name="bid-score" match="e:bids/e:bid/e:score" use="concat(generate-id(..), ' ', @ref)"/>
  <xsl:key name="gatedef" match="e:ruleset/e:gates/e:gate" use="@id"/>
  <xsl:key name="flagdef" match="e:ruleset/e:flags/e:flag" use="@id"/>
  <xsl:key name="node" match="e:ruleset/e:criteria//*[self::e:group or self::e:criterion]" use="@id"/>
  <xsl:key name="evaluator" match="e:panel/e:evaluator" use="@id"/>
  <xsl:key name="record-by-ref" match="e:bids/e:bid/e:panel-record" use="@ref"/>

  <xsl:variable name="panel" select="$ev/e:panel"/>

  <!-- the engine 0.3 format (issue 13): the regime and the <standstill> element. An
       evaluation without them (older engine, PCR 2015 reg 87) keeps the
       decision-date and standstill-* wording, unchanged. -->
  <xsl:param name="draft" select="'no'"/>
  <xsl:variable name="ss" select="$tender/e:standstill"/>
  <xsl:variable name="regime" select="string($tender/@regime)"/>
  <xsl:variable name="new" select="$regime != '' or $ss"/>
  <xsl:variable name="notice-date" select="($tender/@notice-date | $tender[not(@notice-date)]/@decision-date)[1]"/>
  <xsl:variable name="regime-name">
    <xsl:choose>
      <xsl:when test="$regime = 'psr-2023'">Health Care Services (Provider Selection Regime) Regulations 2023</xsl:when>
      <xsl:when test="$regime = 'pa-2023'">Procurement Act 2023 and Procurement Regulations 2024</xsl:when>
      <xsl:when test="$regime = 'nhs-2013'">NHS (Procurement, Patient Choice and Competition) (No. 2) Regulations 2013 with the Public Contracts Regulations 2015 light-touch regime (legacy)</xsl:when>
      <xsl:otherwise>Public Contracts Regulations 2015 (legacy regime)</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- the standstill period from <standstill>: length, end, rule, skipped days -->
  <xsl:template name="standstill-new">
    <xsl:call-template name="md"><xsl:with-param name="s" select="$ss/@days"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$ss/@unit = 'working-days'"> working days</xsl:when>
      <xsl:otherwise> days</xsl:otherwise>
    </xsl:choose>
    <xsl:text>, ending at midnight at the end of </xsl:text>
    <xsl:call-template name="date"><xsl:with-param name="d" select="$ss/@ends"/><xsl:with-param name="weekday" select="true()"/></xsl:call-template>
    <xsl:text> (rule </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$ss/@rule"/></xsl:call-template>
    <xsl:if test="$ss/@cite">
      <xsl:text>: </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="$ss/@cite"/></xsl:call-template>
    </xsl:if>
    <xsl:text>)</xsl:text>
    <xsl:if test="$ss/e:skipped">
      <xsl:text>; days not counted: </xsl:text>
      <xsl:for-each select="$ss/e:skipped">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@date"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@reason"/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- ======================================================= escaping -->

  <!-- Writes $s as inert Markdown text. Backslash-escapes \ ` * _ [ ] < > #
       | ~ & $; turns tab, CR and LF into spaces; writes reordering controls
       as \[U+202E\]; escapes the "." of "www." and the "/" after ":" so GFM
       makes no autolink of www.example.com or http://example.com. $before
       holds up to three characters preceding $s (for those two checks). The
       string is split in halves, so the recursion depth stays logarithmic. -->
  <xsl:template name="md">
    <xsl:param name="s"/>
    <xsl:param name="before" select="''"/>
    <xsl:variable name="last" select="substring($before, string-length($before))"/>
    <xsl:choose>
      <xsl:when test="$s = ''"/>
      <xsl:when test="translate($s, $md-special, '') = $s
                      and not(contains(concat($before, $s), 'www.'))
                      and not(contains(concat($last, $s), ':/'))">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:when test="string-length($s) = 1">
        <xsl:choose>
          <xsl:when test="contains($bidi, $s)">
            <xsl:value-of select="concat('\[U+', substring($bidi-hex, 4 * string-length(substring-before($bidi, $s)) + 1, 4), '\]')"/>
          </xsl:when>
          <xsl:when test="$s = '&#9;' or $s = '&#10;' or $s = '&#13;'">
            <xsl:text> </xsl:text>
          </xsl:when>
          <xsl:when test="contains($md-special, $s)">
            <xsl:value-of select="concat('\', $s)"/>
          </xsl:when>
          <xsl:when test="$s = '.' and substring($before, string-length($before) - 2) = 'www'">\.</xsl:when>
          <xsl:when test="$s = '/' and $last = ':'">\/</xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$s"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="h" select="floor(string-length($s) div 2)"/>
        <xsl:variable name="left" select="substring($s, 1, $h)"/>
        <xsl:variable name="lb" select="concat($before, $left)"/>
        <xsl:call-template name="md">
          <xsl:with-param name="s" select="$left"/>
          <xsl:with-param name="before" select="$before"/>
        </xsl:call-template>
        <xsl:call-template name="md">
          <xsl:with-param name="s" select="substring($s, $h + 1)"/>
          <xsl:with-param name="before" select="substring($lb, string-length($lb) - 2)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a SHA-256 as code when it is 64 hex digits, else as escaped text -->
  <xsl:template name="sha">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="string-length($s) = 64 and translate($s, '0123456789abcdef', '') = ''">
        <xsl:value-of select="concat('`', $s, '`')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
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
        <xsl:call-template name="md"><xsl:with-param name="s" select="$d"/></xsl:call-template>
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
    <xsl:call-template name="md"><xsl:with-param name="s" select="$b/@rank"/></xsl:call-template>
  </xsl:template>

  <!-- "WV-B01 Name" -->
  <xsl:template name="who">
    <xsl:param name="b" select="."/>
    <xsl:text>**</xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$b/@id"/></xsl:call-template>
    <xsl:text>** </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$b/@bidder"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="not($s)">&#x2013;</xsl:when>
      <xsl:when test="$s/@state = 'pending'">pending</xsl:when>
      <xsl:when test="$s/@state = 'error'">error</xsl:when>
      <xsl:when test="$s/@state = 'not-scored'">n/s</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$s/@display"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================= document -->

  <xsl:template match="/">
    <xsl:if test="not($ev)">
      <xsl:message terminate="yes">markdown.xsl: the input is not an evaluation result (urn:tender:evaluation:1)</xsl:message>
    </xsl:if>
    <xsl:if test="$draft = 'yes'">
      <xsl:value-of select="concat('**DRAFT &#x2014; not for issue**', $nl, $nl)"/>
    </xsl:if>
    <xsl:text># Evaluation report: </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$tender/e:title"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>**</xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$tender/e:commissioner"/></xsl:call-template>
    <xsl:text>** · reference </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$tender/@id"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$new">
        <xsl:text> · </xsl:text>
        <xsl:value-of select="$regime-name"/>
        <xsl:text> · notice date </xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="d" select="$notice-date"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> · decision date </xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="d" select="$tender/@decision-date"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text> · rule set </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="concat($rs/@id, ' ', $rs/@version)"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>

    <xsl:call-template name="decision"/>
    <xsl:call-template name="ranking"/>
    <xsl:call-template name="not-ranked"/>
    <xsl:call-template name="flags"/>
    <xsl:call-template name="matrix"/>
    <xsl:if test="$panel">
      <xsl:call-template name="panel"/>
    </xsl:if>
    <xsl:call-template name="record"/>
  </xsl:template>

  <!-- ========================================================= decision -->

  <xsl:template name="decision">
    <xsl:text>## Decision</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:choose>
      <xsl:when test="count($firsts) = 0">
        <xsl:text>**No award: no bid is compliant.** None of the </xsl:text>
        <xsl:value-of select="count($bids)"/>
        <xsl:text> bids received passed every gate, so there is no ranking and the competition produced no award.</xsl:text>
      </xsl:when>
      <xsl:when test="count($firsts) &gt; 1">
        <xsl:text>**Tie at rank 1: no single highest-ranked bid.** </xsl:text>
        <xsl:for-each select="$firsts">
          <xsl:if test="position() &gt; 1">
            <xsl:choose>
              <xsl:when test="position() = last()"> and </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:call-template name="who"/>
        </xsl:for-each>
        <xsl:text> have equal totals (</xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$firsts[1]/@display"/></xsl:call-template>
        <xsl:value-of select="concat(' of ', $scale-display, ' points')"/>
        <xsl:text>) that the rule set's tie-breaks did not separate. The panel must resolve the tie by the procedure published in the tender documents before any award decision is notified.</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>Highest-ranked compliant bid: </xsl:text>
        <xsl:call-template name="who"><xsl:with-param name="b" select="$firsts"/></xsl:call-template>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$firsts/@display"/></xsl:call-template>
        <xsl:value-of select="concat(' of ', $scale-display, ' points (')"/>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$firsts/@percent"/></xsl:call-template>
        <xsl:text>%).</xsl:text>
        <xsl:variable name="second" select="$ranked[@rank = 2]"/>
        <xsl:if test="count($second) = 1">
          <xsl:text> Second: </xsl:text>
          <xsl:call-template name="who"><xsl:with-param name="b" select="$second"/></xsl:call-template>
          <xsl:text>, </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="$second/@display"/></xsl:call-template>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>Bids received: </xsl:text>
    <xsl:value-of select="count($bids)"/>
    <xsl:text>; ranked: </xsl:text>
    <xsl:value-of select="count($ranked)"/>
    <xsl:text>; not ranked: </xsl:text>
    <xsl:value-of select="count($unranked)"/>
    <xsl:text>; flags: </xsl:text>
    <xsl:value-of select="count($bids/e:flag)"/>
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
    <xsl:text>.  </xsl:text>
    <xsl:value-of select="$nl"/>
    <xsl:choose>
      <xsl:when test="count($firsts) = 1 and $ss">
        <xsl:text>Standstill period: </xsl:text>
        <xsl:call-template name="standstill-new"/>
      </xsl:when>
      <xsl:when test="count($firsts) = 1">
        <xsl:text>Standstill period: </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$tender/@standstill-days"/></xsl:call-template>
        <xsl:text> days, ending at midnight at the end of </xsl:text>
        <xsl:call-template name="date">
          <xsl:with-param name="d" select="$tender/@standstill-ends"/>
          <xsl:with-param name="weekday" select="true()"/>
        </xsl:call-template>
        <xsl:text> (Public Contracts Regulations 2015 reg 87).</xsl:text>
      </xsl:when>
      <xsl:otherwise>Standstill period: not started (no award decision).</xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat($nl, $nl)"/>

    <xsl:variable name="serious" select="$ranked/e:flag[@severity = 'critical' or @severity = 'high'][not(@decision)]"/>
    <xsl:variable name="odd" select="$ranked/e:score[@state = 'pending' or @state = 'error']"/>
    <xsl:if test="$serious or $odd">
      <xsl:text>**Before any award decision:**</xsl:text>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:if test="$serious">
        <xsl:text>- </xsl:text>
        <xsl:value-of select="count($serious)"/>
        <xsl:text> critical or high flag(s) on ranked bids need the panel's recorded decision: </xsl:text>
        <xsl:for-each select="$serious">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:call-template name="md"><xsl:with-param name="s" select="../@id"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="key('flagdef', @ref)/e:title"/></xsl:call-template>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="$odd">
        <xsl:text>- </xsl:text>
        <xsl:value-of select="count($odd)"/>
        <xsl:text> score(s) of ranked bids are pending or in error: the ranking is not final.</xsl:text>
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================== ranking -->

  <xsl:template name="ranking">
    <xsl:text>## Ranking</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:choose>
      <xsl:when test="not($ranked)">
        <xsl:text>No bid is ranked.</xsl:text>
        <xsl:value-of select="concat($nl, $nl)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('| Rank | Bid | Bidder | Points (of ', $scale-display, ') | % | Flags |', $nl)"/>
        <xsl:text>|---:|---|---|---:|---:|---|</xsl:text>
        <xsl:value-of select="$nl"/>
        <xsl:for-each select="$ranked">
          <xsl:text>| </xsl:text>
          <xsl:call-template name="rank"/>
          <xsl:text> | </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="@id"/></xsl:call-template>
          <xsl:text> | </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="@bidder"/></xsl:call-template>
          <xsl:text> | </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="@display"/></xsl:call-template>
          <xsl:text> | </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="@percent"/></xsl:call-template>
          <xsl:text> | </xsl:text>
          <xsl:for-each select="e:flag">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:call-template name="md"><xsl:with-param name="s" select="concat(key('flagdef', @ref)/e:title, ' (', @severity, ')')"/></xsl:call-template>
          </xsl:for-each>
          <xsl:text> |</xsl:text>
          <xsl:value-of select="$nl"/>
        </xsl:for-each>
        <xsl:value-of select="$nl"/>
        <xsl:if test="$ranked[@tied = 'true']">
          <xsl:text>= marks a tie that survived the rule set's tie-breaks: the bids share the rank.</xsl:text>
          <xsl:value-of select="concat($nl, $nl)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================= not ranked -->

  <xsl:template name="not-ranked">
    <xsl:text>## Not ranked</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:choose>
      <xsl:when test="not($unranked)">
        <xsl:text>Every bid received is compliant and ranked.</xsl:text>
        <xsl:value-of select="concat($nl, $nl)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$unranked">
          <xsl:text>- </xsl:text>
          <xsl:call-template name="who"/>
          <xsl:choose>
            <xsl:when test="@evaluated = 'false'">: not evaluated.</xsl:when>
            <xsl:otherwise>: not compliant.</xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="$nl"/>
          <xsl:for-each select="e:gate[@passed = 'false']">
            <xsl:text>  - Failed gate *</xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="key('gatedef', @ref)/e:title"/></xsl:call-template>
            <xsl:text>* (</xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="@ref"/></xsl:call-template>
            <xsl:text>): </xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="."/></xsl:call-template>
            <xsl:text> Basis: </xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="key('gatedef', @ref)/@cite"/></xsl:call-template>
            <xsl:value-of select="$nl"/>
          </xsl:for-each>
          <xsl:for-each select="e:exclusion">
            <xsl:text>  - Excluded: </xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="."/></xsl:call-template>
            <xsl:value-of select="$nl"/>
          </xsl:for-each>
          <xsl:for-each select="e:problem">
            <xsl:text>  - Problem: </xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="."/></xsl:call-template>
            <xsl:value-of select="$nl"/>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:value-of select="$nl"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ flags -->

  <xsl:template name="flags">
    <xsl:text>## Flags</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:choose>
      <xsl:when test="not($bids/e:flag)">
        <xsl:text>No flag was raised on any bid.</xsl:text>
        <xsl:value-of select="concat($nl, $nl)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="flag-group">
          <xsl:with-param name="heading" select="'Critical'"/>
          <xsl:with-param name="fl" select="$bids/e:flag[@severity = 'critical']"/>
        </xsl:call-template>
        <xsl:call-template name="flag-group">
          <xsl:with-param name="heading" select="'High'"/>
          <xsl:with-param name="fl" select="$bids/e:flag[@severity = 'high']"/>
        </xsl:call-template>
        <xsl:call-template name="flag-group">
          <xsl:with-param name="heading" select="'Medium'"/>
          <xsl:with-param name="fl" select="$bids/e:flag[@severity = 'medium']"/>
        </xsl:call-template>
        <xsl:call-template name="flag-group">
          <xsl:with-param name="heading" select="'Low'"/>
          <xsl:with-param name="fl" select="$bids/e:flag[@severity = 'low']"/>
        </xsl:call-template>
        <xsl:call-template name="flag-group">
          <xsl:with-param name="heading" select="'Information'"/>
          <xsl:with-param name="fl" select="$bids/e:flag[@severity = 'info']"/>
        </xsl:call-template>
        <xsl:call-template name="flag-group">
          <xsl:with-param name="heading" select="'Other'"/>
          <xsl:with-param name="fl" select="$bids/e:flag[not(@severity = 'critical' or @severity = 'high' or @severity = 'medium' or @severity = 'low' or @severity = 'info')]"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="flag-group">
    <xsl:param name="heading"/>
    <xsl:param name="fl"/>
    <xsl:if test="$fl">
      <xsl:value-of select="concat('### ', $heading, ' (', count($fl), ')', $nl, $nl)"/>
      <xsl:for-each select="$fl">
        <xsl:variable name="def" select="key('flagdef', @ref)"/>
        <xsl:text>- </xsl:text>
        <xsl:call-template name="who"><xsl:with-param name="b" select=".."/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="../@rank">
            <xsl:text> (rank </xsl:text>
            <xsl:call-template name="rank"><xsl:with-param name="b" select=".."/></xsl:call-template>
            <xsl:text>)</xsl:text>
          </xsl:when>
          <xsl:otherwise> (not ranked)</xsl:otherwise>
        </xsl:choose>
        <xsl:text>: *</xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$def/e:title"/></xsl:call-template>
        <xsl:text>* (</xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@ref"/></xsl:call-template>
        <xsl:text>)</xsl:text>
        <xsl:if test="$def/@excludes = 'true'">, excludes the bid</xsl:if>
        <xsl:text>. </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="."/></xsl:call-template>
        <xsl:value-of select="concat('  ', $nl)"/>
        <xsl:text>  Cites: </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$def/@cite"/></xsl:call-template>
        <xsl:if test="@decision">
          <xsl:value-of select="concat('  ', $nl)"/>
          <xsl:choose>
            <xsl:when test="@decision = 'excluded'"><xsl:text>  **Panel decision: bid excluded** (</xsl:text></xsl:when>
            <xsl:otherwise><xsl:text>  **Panel decision: considered, bid kept** (</xsl:text></xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="md"><xsl:with-param name="s" select="@decided"/></xsl:call-template>
          <xsl:text>, agreed by </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="@decided-by"/></xsl:call-template>
          <xsl:text>): </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="@decision-note"/></xsl:call-template>
        </xsl:if>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <!-- =========================================================== matrix -->

  <xsl:template name="matrix">
    <xsl:variable name="rows" select="$ranked | $unranked[@evaluated = 'true']"/>
    <xsl:text>## Score matrix</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:if test="$rows">
      <xsl:text>Points by top-level criterion (maximum in brackets), bids in rank order; n/s: not scored. </xsl:text>
      <xsl:call-template name="rounding-note"/>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:text>| Rank | Bid |</xsl:text>
      <xsl:for-each select="$top">
        <xsl:text> </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@display"/></xsl:call-template>
        <xsl:text>) |</xsl:text>
      </xsl:for-each>
      <xsl:value-of select="concat(' Total (', $scale-display, ') | % |', $nl)"/>
      <xsl:text>|---:|---|</xsl:text>
      <xsl:for-each select="$top">---:|</xsl:for-each>
      <xsl:text>---:|---:|</xsl:text>
      <xsl:value-of select="$nl"/>
      <xsl:for-each select="$rows">
        <xsl:variable name="b" select="."/>
        <xsl:text>| </xsl:text>
        <xsl:choose>
          <xsl:when test="@rank"><xsl:call-template name="rank"/></xsl:when>
          <xsl:otherwise>&#x2013;</xsl:otherwise>
        </xsl:choose>
        <xsl:text> | </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@id"/></xsl:call-template>
        <xsl:text> |</xsl:text>
        <xsl:for-each select="$top">
          <xsl:variable name="id" select="@id"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="cell"><xsl:with-param name="s" select="key('bid-score', concat(generate-id($b), ' ', $id))"/></xsl:call-template>
          <xsl:text> |</xsl:text>
        </xsl:for-each>
        <xsl:choose>
          <xsl:when test="@rank">
            <xsl:text> **</xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="@display"/></xsl:call-template>
            <xsl:text>** | </xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="@percent"/></xsl:call-template>
            <xsl:text> |</xsl:text>
          </xsl:when>
          <xsl:otherwise> not ranked | – |</xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>

      <xsl:text>### Scores by criterion</xsl:text>
      <xsl:value-of select="concat($nl, $nl)"/>
      <xsl:text>| Criterion | Max |</xsl:text>
      <xsl:for-each select="$rows">
        <xsl:text> </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@id"/></xsl:call-template>
        <xsl:if test="not(@rank)"> (not ranked)</xsl:if>
        <xsl:text> |</xsl:text>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
      <xsl:text>|---|---:|</xsl:text>
      <xsl:for-each select="$rows">---:|</xsl:for-each>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="$top" mode="matrix-row">
        <xsl:with-param name="rows" select="$rows"/>
      </xsl:apply-templates>
      <xsl:text>| **Total** | **</xsl:text>
      <xsl:value-of select="$scale-display"/>
      <xsl:text>** |</xsl:text>
      <xsl:for-each select="$rows">
        <xsl:choose>
          <xsl:when test="@rank">
            <xsl:text> **</xsl:text>
            <xsl:call-template name="md"><xsl:with-param name="s" select="@display"/></xsl:call-template>
            <xsl:text>** |</xsl:text>
          </xsl:when>
          <xsl:otherwise> – |</xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:value-of select="concat($nl, $nl)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="e:group | e:criterion" mode="matrix-row">
    <xsl:param name="rows"/>
    <xsl:variable name="id" select="@id"/>
    <xsl:variable name="depth" select="count(ancestor::e:group)"/>
    <xsl:variable name="strong" select="substring('**', 1, 2 * number(boolean(self::e:group)))"/>
    <xsl:text>| </xsl:text>
    <xsl:value-of select="substring('&#xa0;&#xa0;&#xa0;&#xa0;&#xa0;&#xa0;&#xa0;&#xa0;&#xa0;&#xa0;&#xa0;&#xa0;', 1, 3 * $depth)"/>
    <xsl:value-of select="$strong"/>
    <xsl:call-template name="md"><xsl:with-param name="s" select="e:title"/></xsl:call-template>
    <xsl:value-of select="$strong"/>
    <xsl:text> | </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="@display"/></xsl:call-template>
    <xsl:text> |</xsl:text>
    <xsl:for-each select="$rows">
      <xsl:text> </xsl:text>
      <xsl:call-template name="cell"><xsl:with-param name="s" select="key('bid-score', concat(generate-id(), ' ', $id))"/></xsl:call-template>
      <xsl:text> |</xsl:text>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates select="e:group | e:criterion" mode="matrix-row">
      <xsl:with-param name="rows" select="$rows"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- ============================================================ panel -->

  <!-- The panel's decision record: decision makers and declared interests,
       the moderation policy, conflicts and how each was managed, and per
       question one table of every bid's marks, moderated score and panel
       score (records reached through keys: linear in the marks). -->
  <xsl:template name="panel">
    <xsl:text>## Panel record</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>### Decision makers</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:value-of select="concat('| Id | Name | Role | Declared interests |', $nl, '|---|---|---|---|', $nl)"/>
    <xsl:for-each select="$panel/e:evaluator">
      <xsl:text>| </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="@id"/></xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="@name"/></xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="@role"/></xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:for-each select="e:interest">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@organisation"/></xsl:call-template>
        <xsl:text> — </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@nature"/></xsl:call-template>
      </xsl:for-each>
      <xsl:if test="not(e:interest)">none declared</xsl:if>
      <xsl:value-of select="concat(' |', $nl)"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>

    <xsl:text>### Moderation policy</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>- Panel score: </xsl:text>
    <xsl:choose>
      <xsl:when test="$panel/@method = 'median'">the median of the evaluators’ scores that count; where the panel agrees a moderated score, the moderated score stands instead.</xsl:when>
      <xsl:when test="$panel/@method = 'mean'">the mean of the evaluators’ scores that count; where the panel agrees a moderated score, the moderated score stands instead.</xsl:when>
      <xsl:when test="$panel/@method = 'consensus'">the moderated score the panel agrees for each question (consensus); the evaluators’ own scores are recorded but not combined.</xsl:when>
      <xsl:otherwise>
        <xsl:text>method </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$panel/@method"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$nl"/>
    <xsl:text>- Minimum evaluators: at least </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$panel/@min-evaluators"/></xsl:call-template>
    <xsl:text> evaluators’ scores must count for each question and bid, and a moderated score must be agreed by at least as many evaluators without a conflict with the bid.</xsl:text>
    <xsl:value-of select="$nl"/>
    <xsl:text>- A missing score: </xsl:text>
    <xsl:choose>
      <xsl:when test="$panel/@missing = 'require-moderated'">when an evaluator did not score a question, the rest of the panel must agree a moderated score; without one the bid has no score for that question.</xsl:when>
      <xsl:when test="$panel/@missing = 'ignore'">left out: the panel score is worked out from the scores given, provided enough evaluators scored.</xsl:when>
      <xsl:otherwise><xsl:call-template name="md"><xsl:with-param name="s" select="$panel/@missing"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$nl"/>
    <xsl:text>- A conflict of interest: </xsl:text>
    <xsl:choose>
      <xsl:when test="$panel/@conflicts = 'exclude'">an evaluator who declared an interest in the bidder or in a member of its consortium takes no part in that bid’s decision: their scores for the bid are excluded from moderation.</xsl:when>
      <xsl:when test="$panel/@conflicts = 'keep'">an evaluator who declared an interest in the bidder or in a member of its consortium keeps their scores for that bid; the conflict is flagged for the panel and recorded here.</xsl:when>
      <xsl:otherwise><xsl:call-template name="md"><xsl:with-param name="s" select="$panel/@conflicts"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="$ev/e:ruleset/e:flags/e:flag[@kind = 'panel-spread']">
      <xsl:text>- Scores far apart: flagged (</xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="@id"/></xsl:call-template>
      <xsl:text>) when the scores that count on a question are more than </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="@above"/></xsl:call-template>
      <xsl:text> points apart.</xsl:text>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:if test="string($panel/@cite) != ''">
      <xsl:text>- Basis: </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="$panel/@cite"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:value-of select="$nl"/>

    <xsl:text>### Conflicts of interest</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:choose>
      <xsl:when test="$bids/e:conflict">
        <xsl:value-of select="concat('| Evaluator | Interest declared in | Bid | Relation | Nature of the interest | How managed |', $nl, '|---|---|---|---|---|---|', $nl)"/>
        <xsl:for-each select="$bids/e:conflict">
          <xsl:text>| </xsl:text>
          <xsl:call-template name="evaluator-name"><xsl:with-param name="id" select="@evaluator"/></xsl:call-template>
          <xsl:text> | </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="@organisation"/></xsl:call-template>
          <xsl:text> | </xsl:text>
          <xsl:call-template name="who"><xsl:with-param name="b" select=".."/></xsl:call-template>
          <xsl:text> | </xsl:text>
          <xsl:choose>
            <xsl:when test="@relation = 'bidder'">the bidder</xsl:when>
            <xsl:when test="@relation = 'member'">
              <xsl:text>a consortium member</xsl:text>
              <xsl:if test="string(@party) != string(@organisation)">
                <xsl:text> (</xsl:text>
                <xsl:call-template name="md"><xsl:with-param name="s" select="@party"/></xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="md"><xsl:with-param name="s" select="@relation"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:text> | </xsl:text>
          <xsl:call-template name="md"><xsl:with-param name="s" select="."/></xsl:call-template>
          <xsl:text> | </xsl:text>
          <xsl:choose>
            <xsl:when test="@managed = 'excluded'">scores for this bid excluded from moderation</xsl:when>
            <xsl:when test="@managed = 'kept'">scores kept and flagged</xsl:when>
            <xsl:otherwise><xsl:call-template name="md"><xsl:with-param name="s" select="@managed"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="concat(' |', $nl)"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>No declared interest names a bidder or consortium member.</xsl:text>
        <xsl:value-of select="$nl"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$nl"/>

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
      <xsl:text>No bid has a panel record.</xsl:text>
      <xsl:value-of select="concat($nl, $nl)"/>
    </xsl:if>
  </xsl:template>

  <!-- "Name (E1)", or the id alone when the panel does not list it -->
  <xsl:template name="evaluator-name">
    <xsl:param name="id"/>
    <xsl:variable name="m" select="key('evaluator', $id)"/>
    <xsl:if test="$m">
      <xsl:call-template name="md"><xsl:with-param name="s" select="$m[1]/@name"/></xsl:call-template>
      <xsl:text> (</xsl:text>
    </xsl:if>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$id"/></xsl:call-template>
    <xsl:if test="$m">)</xsl:if>
  </xsl:template>

  <xsl:template name="panel-question">
    <xsl:param name="records"/>
    <xsl:param name="criterion"/>
    <xsl:text>### </xsl:text>
    <xsl:if test="not(starts-with($criterion/e:title, concat($records[1]/@question, ' ')))">
      <xsl:text>Question </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="$records[1]/@question"/></xsl:call-template>
      <xsl:if test="$criterion">: </xsl:if>
    </xsl:if>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$criterion/e:title"/></xsl:call-template>
    <xsl:if test="$criterion"> — </xsl:if>
    <xsl:text>criterion </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$records[1]/@ref"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:value-of select="concat('| Bid | Evaluator | Score | State | Justification |', $nl, '|---|---|---:|---|---|', $nl)"/>
    <xsl:for-each select="$records">
      <xsl:call-template name="panel-record"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- a panel record's score to at most two decimals: the engine's
       @display (rounded half away from zero on the exact value, as every
       figure is); an older evaluation has only @value -->
  <xsl:template name="panel-value">
    <xsl:choose>
      <xsl:when test="@display">
        <xsl:call-template name="md"><xsl:with-param name="s" select="@display"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="string(number(@value)) != 'NaN'">
        <xsl:value-of select="format-number(number(@value), '0.##')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@value"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One bid's rows on one question; the context is the panel-record. -->
  <xsl:template name="panel-record">
    <xsl:variable name="r" select="."/>
    <xsl:variable name="b" select=".."/>
    <xsl:variable name="q" select="concat(' ', @question)"/>
    <xsl:variable name="fl" select="$b/e:flag[contains(concat(' ', @questions, ' '), concat($q, ' '))]"/>
    <xsl:variable name="unexplained" select="e:moderated[normalize-space(.) = ''] and $r/@low and $r/@high
                                             and (number(e:moderated/@value) &lt; number($r/@low) or number(e:moderated/@value) &gt; number($r/@high))"/>
    <xsl:variable name="score" select="key('bid-score', concat(generate-id($b), ' ', $r/@ref))"/>
    <xsl:variable name="bid">
      <xsl:call-template name="md"><xsl:with-param name="s" select="$b/@id"/></xsl:call-template>
    </xsl:variable>
    <xsl:for-each select="e:mark">
      <xsl:value-of select="concat('| ', $bid, ' | ')"/>
      <xsl:call-template name="evaluator-name"><xsl:with-param name="id" select="@evaluator"/></xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:choose>
        <xsl:when test="@value"><xsl:call-template name="md"><xsl:with-param name="s" select="@value"/></xsl:call-template></xsl:when>
        <xsl:otherwise>no score</xsl:otherwise>
      </xsl:choose>
      <xsl:text> | </xsl:text>
      <xsl:choose>
        <xsl:when test="@state = 'counted' and $b/e:conflict[@evaluator = current()/@evaluator]">counted (conflict declared, kept)</xsl:when>
        <xsl:when test="@state = 'counted'">counted</xsl:when>
        <xsl:when test="@state = 'excluded'">excluded — conflict of interest</xsl:when>
        <xsl:when test="@state = 'missing'">**did not score**</xsl:when>
        <xsl:otherwise><xsl:call-template name="md"><xsl:with-param name="s" select="@state"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:text> | </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="."/></xsl:call-template>
      <xsl:value-of select="concat(' |', $nl)"/>
    </xsl:for-each>
    <xsl:for-each select="e:moderated">
      <xsl:value-of select="concat('| ', $bid, ' | *Moderated score* | ')"/>
      <xsl:call-template name="md"><xsl:with-param name="s" select="@value"/></xsl:call-template>
      <xsl:text> | agreed by </xsl:text>
      <xsl:variable name="list" select="concat(' ', normalize-space(@agreed-by), ' ')"/>
      <xsl:variable name="known" select="$panel/e:evaluator[contains($list, concat(' ', @id, ' '))]"/>
      <xsl:variable name="n" select="string-length(normalize-space(@agreed-by)) - string-length(translate(normalize-space(@agreed-by), ' ', '')) + number(normalize-space(@agreed-by) != '')"/>
      <xsl:for-each select="$known">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:call-template name="evaluator-name"><xsl:with-param name="id" select="@id"/></xsl:call-template>
      </xsl:for-each>
      <xsl:if test="count($known) != $n">
        <xsl:if test="$known">; </xsl:if>
        <xsl:text>as recorded: </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@agreed-by"/></xsl:call-template>
      </xsl:if>
      <xsl:text> | </xsl:text>
      <xsl:choose>
        <xsl:when test="normalize-space(.) != ''"><xsl:call-template name="md"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:when>
        <xsl:otherwise>**no moderation note**</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat(' |', $nl)"/>
    </xsl:for-each>
    <xsl:value-of select="concat('| ', $bid, ' | **Panel score** | ')"/>
    <xsl:choose>
      <xsl:when test="@value">
        <xsl:text>**</xsl:text>
        <xsl:call-template name="panel-value"/>
        <xsl:text>**</xsl:text>
      </xsl:when>
      <xsl:otherwise>–</xsl:otherwise>
    </xsl:choose>
    <xsl:text> | </xsl:text>
    <xsl:choose>
      <xsl:when test="@basis = 'median' or @basis = 'mean'">
        <xsl:value-of select="concat(@basis, ' of ')"/>
        <xsl:call-template name="md"><xsl:with-param name="s" select="@counted"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="string(@counted) = '1'"> score</xsl:when>
          <xsl:otherwise> scores</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="@basis = 'moderated'">moderated score</xsl:when>
      <xsl:when test="@basis = 'none'">no score: see problems</xsl:when>
      <xsl:otherwise><xsl:call-template name="md"><xsl:with-param name="s" select="@basis"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:text> | </xsl:text>
    <xsl:if test="$score[@state = 'scored']">
      <xsl:call-template name="md"><xsl:with-param name="s" select="concat($score[1]/@display, ' of ', $score[1]/@max, ' points')"/></xsl:call-template>
    </xsl:if>
    <xsl:variable name="problems" select="$b/e:problem[contains(., concat('rule ', $r/@ref, ' ')) or contains(., concat('question ', $r/@question, ':'))]"/>
    <xsl:if test="@basis = 'none'">
      <xsl:for-each select="$problems">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:call-template name="md"><xsl:with-param name="s" select="."/></xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="$fl or $unexplained">
      <xsl:if test="$score[@state = 'scored'] or (@basis = 'none' and $problems)">. </xsl:if>
      <xsl:text>**Flagged:** </xsl:text>
      <xsl:for-each select="$fl">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:call-template name="md"><xsl:with-param name="s" select="concat(key('flagdef', @ref)/e:title, ' (', @severity, ')')"/></xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$unexplained and not($fl)">moderated outside the evaluators’ scores without a note</xsl:if>
    </xsl:if>
    <xsl:value-of select="concat(' |', $nl)"/>
  </xsl:template>

  <!-- =========================================================== record -->

  <xsl:template name="record">
    <xsl:text>## Inputs</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>| Role | Path | SHA-256 |</xsl:text>
    <xsl:value-of select="$nl"/>
    <xsl:text>|---|---|---|</xsl:text>
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="$ev/e:inputs/e:input">
      <xsl:text>| </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="@role"/></xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:call-template name="md"><xsl:with-param name="s" select="@path"/></xsl:call-template>
      <xsl:text> | </xsl:text>
      <xsl:call-template name="sha"><xsl:with-param name="s" select="@sha256"/></xsl:call-template>
      <xsl:text> |</xsl:text>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
    <xsl:text>## Versions</xsl:text>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:text>- Rule set: </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$rs/e:title"/></xsl:call-template>
    <xsl:text>, id </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$rs/@id"/></xsl:call-template>
    <xsl:text>, version </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$rs/@version"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
    <xsl:text>- Rule set SHA-256: </xsl:text>
    <xsl:call-template name="sha"><xsl:with-param name="s" select="$rs/@sha256"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
    <xsl:text>- Engine: tender </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$ev/@engine-version"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
    <xsl:text>- Result created: </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$ev/@created"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
    <xsl:if test="$new">
      <xsl:text>- Regime: </xsl:text>
      <xsl:value-of select="$regime-name"/>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$ss">
    <xsl:text>- Notice date: </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$notice-date"/></xsl:call-template>
    <xsl:text>; standstill </xsl:text>
    <xsl:choose>
      <xsl:when test="count($firsts) = 1"><xsl:call-template name="standstill-new"/></xsl:when>
      <xsl:otherwise>not started (no award decision)</xsl:otherwise>
    </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
    <xsl:text>- Decision date: </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$tender/@decision-date"/></xsl:call-template>
    <xsl:text>; standstill </xsl:text>
    <xsl:call-template name="md"><xsl:with-param name="s" select="$tender/@standstill-days"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="count($firsts) = 1">
        <xsl:text> days, ends </xsl:text>
        <xsl:call-template name="md"><xsl:with-param name="s" select="$tender/@standstill-ends"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text> days, not started (no award decision)</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- how the figures are rounded: the one rule of the engine -->
  <xsl:template name="rounding-note">
    <xsl:text>Each figure is the exact value rounded half away from zero to </xsl:text>
    <xsl:value-of select="$rs/@precision"/>
    <xsl:text> decimals on its own; totals and the ranking use the exact values, so displayed parts may not add up to a displayed total.</xsl:text>
  </xsl:template>
</xsl:stylesheet>
