package org.inkstone.layout;

/**
 * Every threshold of the layout analysis, in one place, each relative to the page's own body
 * type so that scan resolution and type size do not matter. Units:
 * <ul>
 * <li><em>body lines</em>: multiples of the body line height (horizontal text) or of the body
 *     line width (vertical text), px at scan resolution;</li>
 * <li><em>pitch</em>: multiples of the body character pitch (width per character of a horizontal
 *     body line, height per character of a vertical one), px;</li>
 * <li><em>share</em>: a fraction of another measure named in the component's description;</li>
 * <li><em>page</em>: a fraction of the page image's height.</li>
 * </ul>
 * {@link #DEFAULT} holds the values the analysis uses; tests and experiments may build others.
 *
 * @param lines    what a line is (its {@link LineRole})
 * @param titles   how headline lines group into titles
 * @param columns  columns, segments and modules of horizontal text
 * @param vertical blocks and modules of vertical text (竖排)
 */
public record LayoutRules(Lines lines, Titles titles, Columns columns, Vertical vertical) {

    /** The values the analysis uses. */
    public static final LayoutRules DEFAULT = new LayoutRules(
            new Lines(4, 6, 0.25, 0.8, 1.2, 1.3, 3.0, 0.12, 0.05, 0.97, 0.10, 1.6, 0.35, 2, 0.6, 1.0, 1.0, 0.5, 0.5, 0.8, 1.25, 3, 8, 24, 1.15, 1.1, 0.8, 1.25, 1.15, 10, 0.8, 0.6),
            new Titles(0.8, 0.25, 2.0, 0.5, 0.5, 0.6, 0.5, 3.0),
            new Columns(6, 0.4, 0.2, 1.0, 2, 2.5, 3.0, 0.5, 0.3, 0.25, 1.0, 3.0, 1.5, 0.8),
            new Vertical(2, 0.3, 1.2, 1.3, 1.0, 0.5, 3.0, 0.5, 2.0, 3.0, 0.5, 4.0, 0.5, 0.2));

    /**
     * Line classification.
     *
     * @param sizeMinChars       lines of at least this many characters measure the body type size
     * @param pitchMinChars      lines of at least this many characters measure the body pitch
     * @param pitchSizeTolerance share of the body size a line's size may differ by and still measure the pitch
     * @param fallbackPitch      pitch when no line measures it, in body lines
     * @param headlineSize       a headline's line size is at least this many body lines
     *                           (a tall line of body-sized characters is two merged body lines)
     * @param headlinePitch      and its character pitch at least this many body pitches
     * @param mastheadSize       a masthead's line size is at least this many body lines, on the front page
     * @param mastheadTop        within this top share of the page
     * @param headTop            a line ending within this top share of the page is a running head
     * @param footTop            a line starting below this share of the page is a running foot
     * @param furnitureTop       a line of page furniture (date, page label, editor line) starts within this top share
     * @param jumpLineSize       a jump or continuation line is smaller than this many body lines
     * @param noiseConfidence    a line read with confidence under this is noise (0–1)
     * @param shortLineChars     a line of at most this many characters is noise
     * @param shortLineConfidence when read with confidence under this (0–1)
     * @param mastheadPanel      a body line starting within this many body lines below the masthead's
     *                           bottom is part of the masthead's side panel (date, issue number)
     * @param captionGap         a line starting less than this many body lines below a photo, and
     * @param captionWithin      with at least this share of its width within the photo's width, is
     *                           the photo's caption
     * @param captionLeading     and so is each line under it less than this many body lines lower
     *                           that starts within a body pitch of its left edge (a caption of several lines)
     * @param rowPieceGap        body lines on the same row less than this many pitches apart are pieces
     *                           of one line ({@link RowPieces})
     * @param rowPieceWidth      when together they are at most this many column widths wide (the
     *                           median width of a full body line)
     * @param rowPieceStarts     and the right one does not start within half a pitch of the left
     *                           edges of this many lines (itself included): there a column starts
     * @param labelChars         a module of at most this many characters with no sentence in it is a
     *                           section label or column name ({@link LineRole#SECTION_LABEL}), not an article
     * @param bannerChars        and so is one of at most this many characters within the masthead's top
     *                           share of the page ({@link #mastheadTop()}): the page banner
     * @param titleLineSize      a line at least this many body lines high
     * @param titleLinePitch     with a pitch of at least this many body pitches
     * @param titleLineGap       less than this share of its own height above or below a headline, centred
     *                           on it (within a pitch) and no wider than it, is a kicker or subtitle: a
     *                           headline line
     * @param smallHeadingSize   a line at least this many body lines high
     * @param smallHeadingPitch  with a pitch of at least this many body pitches is a headline too (a small
     *                           heading: the body's pitch is widened by justification, a heading's is not)
     * @param displayColumnsRatio on a page with at least this many horizontal lines for each vertical one,
     *                           vertical lines at least {@link #headlineSize()} horizontal body lines wide
     *                           are display headlines beside horizontal body text, and narrower ones of at
     *                           most {@link #labelChars()} characters with no sentence are noise
     * @param mastheadLargest    a masthead line is at least this share of the height of the page's tallest line
     * @param mastheadPiece      a headline-sized line level with a masthead line and at least this share
     *                           of its height is a piece of the masthead (a title set in spaced-out type)
     */
    public record Lines(int sizeMinChars, int pitchMinChars, double pitchSizeTolerance, double fallbackPitch,
                        double headlineSize, double headlinePitch, double mastheadSize, double mastheadTop,
                        double headTop, double footTop, double furnitureTop, double jumpLineSize,
                        double noiseConfidence, int shortLineChars, double shortLineConfidence, double mastheadPanel,
                        double captionGap, double captionWithin, double captionLeading,
                        double rowPieceGap, double rowPieceWidth, int rowPieceStarts, int labelChars,
                        int bannerChars, double titleLineSize, double titleLinePitch, double titleLineGap,
                        double smallHeadingSize, double smallHeadingPitch, int displayColumnsRatio,
                        double mastheadLargest, double mastheadPiece) {

        /**
         * Whether a line is a piece of a masthead line: level with it (overlapping it by half the
         * lower one's height) and at least {@link #mastheadPiece()} of its height.
         *
         * @param line     the line's box, px
         * @param masthead the masthead line's box, px
         * @return true for a piece of a title set in spaced-out type (江城 日报)
         */
        public boolean isMastheadPiece(org.inkstone.model.Bbox line, org.inkstone.model.Bbox masthead) {
            return line.height() >= mastheadPiece * masthead.height() && Math.min(line.y1(), masthead.y1())
                    - Math.max(line.y0(), masthead.y0()) >= 0.5 * Math.min(line.height(), masthead.height());
        }
    }

    /**
     * Headline lines grouped into titles (main headline, kicker, subtitle).
     *
     * @param belowGap       a headline line starting less than this share of its own height below a
     *                       group joins it (a title's next line)
     * @param belowCentre    its centre lies at most this share of its height above the group's bottom
     * @param belowOverlap   and it overlaps the group across, or stands apart by less than this many pitches
     * @param sameRowOverlap a line overlapping a group in height by this share of the lower of the two
     *                       stands on the same row
     * @param sameRowGapPitch and joins it (a headline cut in two) across a gap under this many body
     *                       pitches, or
     * @param sameRowGapSize this share of the row's height, whichever is larger
     * @param hostOverlap    a title-only group overlapping another module's headline in height by this
     *                       share of the lower one joins that headline
     * @param hostGapPitch   across a gap under this many body pitches
     */
    public record Titles(double belowGap, double belowCentre, double belowOverlap, double sameRowOverlap,
                         double sameRowGapPitch, double sameRowGapSize, double hostOverlap, double hostGapPitch) {
    }

    /**
     * Columns, segments and modules of horizontal text.
     *
     * @param widthMinChars    body lines of at least this many characters measure the column width
     * @param columnGap        body lines whose left edges lie more than this share of a column width
     *                         apart belong to different columns
     * @param edgePercentile   a column's left edge is this percentile of its lines' left edges (its
     *                         right edge the complementary one)
     * @param segmentGap       a vertical blank of more than this many body lines ends a column segment
     * @param openerLines      a segment of at most this many lines (byline, subhead) opens the module
     *                         of its column
     * @param openerGap        when the next segment starts less than this many body lines below it
     * @param alignedStart     segments of neighbouring columns starting within this many body lines
     *                         of each other belong to one module
     * @param headlineFloor    a headline may reach this many body lines into the segment above the
     *                         one it heads
     * @param headlineOverColumn a headline heads a column it overlaps by this share of the column's width
     * @param headlineOnGutter a headline crossing a column's edge with its middle less than this
     *                         share of its width from that edge heads the column too: a short
     *                         heading centred over two columns (a notice's, a panel's)
     * @param repeatAbove      a headline starting up to this many body lines above the bottom of a
     *                         continuation line (or ending up to this many below its top), and
     * @param repeatBelow      up to this many body lines below it (or ending up to this many above its
     *                         top: the line opens the first column under the headline), repeats the
     *                         continued article's headline
     * @param wrapGap          a body line starting less than this many body lines right of a photo it
     *                         overlaps in height is text wrapped around the photo, in the column it ends in,
     * @param wrapWidth        when the photo is narrower than this share of a column width (a portrait)
     */
    public record Columns(int widthMinChars, double columnGap, double edgePercentile, double segmentGap,
                          int openerLines, double openerGap, double alignedStart, double headlineFloor,
                          double headlineOverColumn, double headlineOnGutter, double repeatAbove,
                          double repeatBelow, double wrapGap, double wrapWidth) {
    }

    /**
     * Blocks and modules of vertical text (竖排). Sizes are line widths, pitches heights per character.
     *
     * @param besideMaxChars    a horizontal line of at most this many characters standing beside a
     *                          vertical line (less than its width away) is vertical too
     * @param besideWidth       when its width is within this share of the vertical line's
     * @param headlineSize      a headline is at least this many body widths wide
     * @param headlinePitch     and its character pitch at least this many body pitches
     * @param blockGap          lines less than this many body widths apart stand side by side in a block
     * @param levelOverlap      lines overlapping in height by this share of the shorter one are level
     * @param blockTopPitch     or lines starting within this many pitches of each other are level (a
     *                          paragraph's indent)
     * @param headlineReach     a headline may overlap the block at its left by this many body widths
     * @param headlineGap       and stand up to this many body widths right of it
     * @param headlineTopPitch  starting no more than this many pitches below the block's top
     * @param tierOverlapPitch  the next tier of an article starts at most this many pitches above the
     *                          bottom of the block above it
     * @param tierGapPitch      and at most this many pitches below it
     * @param tierWidth         overlapping it across by this share of the narrower block
     * @param edgePercentile    a block's top is this percentile of its lines' tops (its bottom the
     *                          complementary one), for paragraph indents
     */
    public record Vertical(int besideMaxChars, double besideWidth, double headlineSize, double headlinePitch,
                           double blockGap, double levelOverlap, double blockTopPitch, double headlineReach, double headlineGap,
                           double headlineTopPitch, double tierOverlapPitch, double tierGapPitch, double tierWidth,
                           double edgePercentile) {
    }
}
