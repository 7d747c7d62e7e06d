package org.inkstone.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bylines and kinds of item read from an article's text. */
class ArticleFieldsTest {

    @Test
    void theBylineIsTheParenthesisAfterTheDatelineWithTheSpaceBetweenTwoNames() {
        assertEquals("记者/林晓雨 通讯员/陈立",
                ArticleFields.byline(List.of("江城日报讯（记者/林晓雨通讯员/陈立）6月2日，地铁5号线开通。", "第二段。")));
        assertEquals("全媒体记者/何春林", ArticleFields.byline(List.of("株洲日报讯(全媒体记者/何春林)春风温暖早行人。")));
    }

    @Test
    void aBylineOfItsOwnTakesTheNameBeforeItAndTheAddressAfterIt() {
        assertEquals("李庚清 报道 lgengwei@sph.com.sg", ArticleFields.byline(
                List.of("国务资政李显龙说，我国内部必须团结一致。", "李庚清", "报道", "lgengwei@sph.com.sg", "面对日益复杂的外部环境，……")));
    }

    @Test
    void noBylineWhereNoneIsPrinted() {
        assertEquals("", ArticleFields.byline(List.of("记者从市人社局获悉，今年共招聘9000余人。", "第二段。")));
        assertEquals("", ArticleFields.byline(List.of()));
    }

    @Test
    void aShortTitleEndingWithANoticeWordIsANoticeAndTheAdvertLabelMakesAnAdvert() {
        assertEquals(Article.Kind.NOTICE, ArticleFields.kind("遗失声明", List.of("遗失声明", "某某遗失身份证一张，声明作废。")));
        assertEquals(Article.Kind.NOTICE, ArticleFields.kind("招聘 启事", List.of()));
        assertEquals(Article.Kind.ARTICLE, ArticleFields.kind("外交部就南海问题发表严正声明", List.of()));
        assertEquals(Article.Kind.ADVERT, ArticleFields.kind("", List.of("新款上市 全城热销", "广告")));
        assertEquals(Article.Kind.ARTICLE, ArticleFields.kind("地铁五号线今日开通", List.of("地铁五号线今日开通")));
    }
}
