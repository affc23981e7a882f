using NewsDesk.Web.Desk;

namespace NewsDesk.IntegrationTests.Desk;

public sealed class EvidenceTests
{
    private const string Body = "Four **coast guard** ships sailed near the Senkaku Islands.\n\n## Tokyo protests\n\nJapan lodged a protest. See [the ministry](https://www.mofa.go.jp/).";

    [Fact]
    public void Excerpts_read_as_prose_around_the_marked_match()
    {
        var json = """[{"field":"body","text":"Senkaku Islands","start":43,"end":58}]""";

        var excerpt = Assert.Single(Evidence.Excerpts(json, 3, "Headline", "", Body)).ToString();

        Assert.Equal("Four coast guard ships sailed near the <mark>Senkaku Islands</mark>. Tokyo protests Japan lodged a protest. See the…", excerpt);
    }

    [Fact]
    public void A_match_inside_markup_keeps_its_own_words_and_the_spaces_around_it()
    {
        var json = """[{"field":"body","text":"protest","start":95,"end":102}]""";

        var excerpt = Assert.Single(Evidence.Excerpts(json, 3, "Headline", "", Body)).ToString();

        Assert.Contains("Japan lodged a <mark>protest</mark>. See the ministry.", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("**", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", excerpt, StringComparison.Ordinal);
    }
}
