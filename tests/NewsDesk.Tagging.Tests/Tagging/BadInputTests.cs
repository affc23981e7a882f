using System.Diagnostics;
using NewsDesk.Tagging.Tagging;

namespace NewsDesk.Tagging.Tests.Tagging;

/// <summary>Empty text, junk, markup, other scripts, shouting: a result, never a crash or a hang.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t  ")]
    [InlineData(".,;:!?-—\u201C\u201D")]
    public void Text_without_words_gives_an_empty_result(string text)
    {
        var result = Tagger.Tag(text);
        Assert.Empty(result.Countries);
        Assert.Empty(result.Regions);
        Assert.Empty(result.Topics);
        Assert.Empty(result.Entities);
    }

    [Fact]
    public void Binary_junk_gives_a_result_without_crashing()
    {
        var random = new Random(42);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        var junk = System.Text.Encoding.Latin1.GetString(bytes);

        var result = Tagger.Tag(junk);

        Assert.NotNull(result);
    }

    [Fact]
    public void A_very_long_word_does_not_break_the_tokenizer()
    {
        var result = Tagger.Tag(new string('a', 100_000) + " Japan " + Convert.ToBase64String(new byte[30_000]));
        Assert.Equal(["JP"], result.Countries.Select(c => c.Place.IsoCode));
    }

    [Fact]
    public void A_large_article_is_tagged_in_linear_time()
    {
        var paragraph = "Chinese and Philippine vessels collided near Second Thomas Shoal in the South China Sea, the coast guard said. ";
        var text = string.Concat(Enumerable.Repeat(paragraph, 20_000)); // ~2 MB
        Tagger.Tag(text[..10_000]);
        var watch = Stopwatch.StartNew();

        var result = Tagger.Tag(text);

        Assert.Equal(["CN", "PH"], result.Countries.Select(c => c.Place.IsoCode).Order());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}"); // a hang guard, not a benchmark
    }

    [Fact]
    public void Html_markup_is_skipped_and_its_title_is_the_headline()
    {
        var html = "<html><head><title>China sends bombers over Taiwan Strait</title><style>.japan{color:red}</style>"
            + "<script>var russia = 'Russia';</script></head><body><div class=\"India\"><p>Chinese H-6K bombers flew near Taiwan on Monday, "
            + "the defence ministry in Taipei said.</p></div></body></html>";

        var result = Tagger.Tag(html);

        Assert.Equal(["CN", "TW"], result.Countries.Select(c => c.Place.IsoCode).Order());
        Assert.Contains(result.Regions, r => r.Place.Slug == "taiwan-strait");
        Assert.Contains(result.Entities, e => e.Name == "H-6" && e.Kind == NewsDesk.Tagging.Taxonomy.EntityKind.Equipment);
        Assert.All(result.Countries.SelectMany(c => c.Evidence), e => Assert.Equal(e.Text, html[e.Start..e.End]));
    }

    [Theory]
    [InlineData("日本和越南签署防务合作协议，以应对中国。", new[] { "CN", "JP", "VN" })]
    [InlineData("Япония и Вьетнам подписали соглашение об оборонном сотрудничестве против Китая.", new[] { "CN", "JP", "VN" })]
    [InlineData("Việt Nam và Nhật Bản ký thỏa thuận hợp tác quốc phòng tại Hà Nội.", new[] { "VN" })]
    [InlineData("اليابان وفيتنام توقعان اتفاقية دفاع", new[] { "JP", "VN" })]
    public void Country_names_in_other_scripts_are_found(string text, string[] expected)
    {
        var result = Tagger.Tag(text);
        Assert.Equal(expected, result.Countries.Select(c => c.Place.IsoCode).Order());
        Assert.All(result.Countries.SelectMany(c => c.Evidence), e => Assert.Equal(e.Text, text[e.Start..e.End]));
    }

    [Fact]
    public void All_caps_wire_copy_is_tagged_like_normal_text()
    {
        var result = Tagger.Tag("URGENT: NORTH KOREA FIRES BALLISTIC MISSILE INTO SEA OF JAPAN\n\nSEOUL (AP) - NORTH KOREA FIRED A BALLISTIC MISSILE ON THURSDAY, SOUTH KOREA'S MILITARY SAID.");

        Assert.Equal(["KP", "KR"], result.Countries.Select(c => c.Place.IsoCode).Order());
        Assert.Contains(result.Regions, r => r.Place.Slug == "sea-of-japan");
        Assert.Contains(result.Topics, t => t.Topic.Slug == "missiles");
    }
}
