package org.inkstone.article;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inkstone.text.ChineseText;

/**
 * The fields of an article read from its text: the byline and the kind of item. Both follow
 * common Chinese newspaper practice rather than one paper's:
 * <ul>
 * <li>byline: the parenthesis after the dateline of a news story ({@code 株洲日报讯（全媒体记者/何春林）}
 *     gives {@code 全媒体记者/何春林}), or, among the first paragraphs, a short paragraph naming a
 *     reporter or writer ({@code 记者 …}, {@code …报道}, {@code 文/…}, {@code 撰文}) with the name
 *     set before it and an e-mail address after it;</li>
 * <li>kind: a notice when its title is a short one ending with 启事, 声明, 公告, 通告, 讣告 (遗失声明,
 *     招聘启事); an advert when one of its lines is the label 广告 alone; else an article.</li>
 * </ul>
 */
final class ArticleFields {

    private static final Pattern DATELINE = Pattern.compile(
            "^.{0,16}?讯\\s*[（(]([^（()）]{2,60}?(?:记者|通讯员|实习生|特约|撰稿|编辑)[^（()）]*)[）)]");
    /** Where a second name's role follows the first name without the space print sets between them. */
    private static final Pattern SECOND_ROLE = Pattern.compile("(?<=[^\\s/／:：（(])(?=通讯员|实习生|见习记者|特约记者)");
    private static final Pattern BYLINE = Pattern.compile("记者|通讯员|报道$|撰文|^文\\s*[/／:：]|^图\\s*[/／:：]|摄影");
    private static final Pattern EMAIL = Pattern.compile("^\\S+@\\S+\\.\\S+$");
    private static final Pattern NOTICE = Pattern.compile("(启事|啟事|声明|聲明|公告|通告|讣告|訃告)$");
    /** A title this long or shorter can be a notice's label. */
    private static final int NOTICE_TITLE_CHARS = 10;
    /** Paragraphs this long or shorter can hold a byline of their own. */
    private static final int BYLINE_CHARS = 30;
    /** A name standing alone before a byline word is at most this long. */
    private static final int NAME_CHARS = 6;

    private ArticleFields() {
    }

    /**
     * @param paragraphs the article's paragraphs in reading order, cleaned
     * @return the byline as printed (parts separated by one space), or "" when none is found
     */
    static String byline(List<String> paragraphs) {
        if (paragraphs.isEmpty()) {
            return "";
        }
        Matcher m = DATELINE.matcher(paragraphs.get(0));
        if (m.find()) {
            return SECOND_ROLE.matcher(m.group(1).strip()).replaceAll(" ");
        }
        for (int k = 0; k < Math.min(4, paragraphs.size()); k++) {
            String p = paragraphs.get(k);
            if (p.length() > BYLINE_CHARS || !BYLINE.matcher(p).find() || ChineseText.endsSentence(p)) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            if (k > 0 && paragraphs.get(k - 1).length() <= NAME_CHARS && !ChineseText.endsSentence(paragraphs.get(k - 1))
                    && !paragraphs.get(k - 1).matches(".*[，,、：:].*")) {
                b.append(paragraphs.get(k - 1)).append(' ');
            }
            b.append(p);
            if (k + 1 < paragraphs.size() && EMAIL.matcher(paragraphs.get(k + 1)).matches()) {
                b.append(' ').append(paragraphs.get(k + 1));
            }
            return SECOND_ROLE.matcher(b.toString()).replaceAll(" ");
        }
        return "";
    }

    /**
     * @param title the article's whole title, "" when it has none
     * @param lines the texts of all its lines, title and body
     * @return what kind of item it is
     */
    static Article.Kind kind(String title, List<String> lines) {
        String t = title.replaceAll("\\s", "");
        if (!t.isEmpty() && t.length() <= NOTICE_TITLE_CHARS && NOTICE.matcher(t).find()) {
            return Article.Kind.NOTICE;
        }
        for (String l : lines) {
            String s = l.strip();
            if (s.equals("广告") || s.equals("廣告")) {
                return Article.Kind.ADVERT;
            }
        }
        return Article.Kind.ARTICLE;
    }
}
