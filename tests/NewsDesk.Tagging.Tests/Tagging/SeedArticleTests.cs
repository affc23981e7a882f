using NewsDesk.Tagging.Tagging;
using NewsDesk.Tagging.Text;

namespace NewsDesk.Tagging.Tests.Tagging;

/// <summary>The seed story: about Japan, Vietnam and China; mentions Russia, North Korea and a partner list.</summary>
public sealed class SeedArticleTests
{
    private static readonly string Text = File.ReadAllText(Checkout.SeedFile);

    // The seed is tagged as the store tags it: headline, standfirst and body known.
    private static readonly TaggingResult Result = Tagger.Tag(NewsDesk.Tagging.Taxonomy.TaxonomySnapshot.BuiltIn, SeedInput());

    private static TaggingInput SeedInput()
    {
        var headline = "Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression";
        var start = Text.IndexOf(headline, StringComparison.Ordinal);
        var standfirstStart = Text.IndexOf("Japan's Defense Minister", StringComparison.Ordinal);
        var standfirstEnd = Text.IndexOf('\n', standfirstStart);
        var bodyStart = Text.IndexOf("Japan and Vietnam on Tuesday", StringComparison.Ordinal);
        var zones = new List<Zone>
        {
            new(start, start + headline.Length, ZoneKind.Headline),
            new(standfirstStart, standfirstEnd, ZoneKind.Standfirst),
        };
        zones.AddRange(TaggingInput.Paragraphs(Text, bodyStart, Text.IndexOf("Published November", StringComparison.Ordinal), leadFirst: true));
        return new TaggingInput(Text, zones);
    }

    [Fact]
    public void Japan_Vietnam_and_China_score_above_every_other_country()
    {
        var codes = Result.Countries.Select(c => c.Place.IsoCode).ToList();
        Assert.Equal(["CN", "JP", "VN"], codes.Take(3).Order());
        var third = Result.Countries.Take(3).Min(c => c.Score);
        Assert.All(Result.Countries.Skip(3), c => Assert.True(c.Score < third, $"{c.Place.Name} {c.Score} >= {third}"));
    }

    [Fact]
    public void Russia_North_Korea_and_the_partner_list_are_found_lower()
    {
        var main = Result.Countries.Where(c => c.Place.IsoCode is "JP" or "CN" or "VN").Min(c => c.Score);
        foreach (var code in new[] { "RU", "KP", "US", "AU", "GB", "PH", "ID" })
        {
            var country = Assert.Single(Result.Countries, c => c.Place.IsoCode == code);
            Assert.InRange(country.Score, 0.01, main - 0.01);
        }
    }

    [Fact]
    public void The_partners_named_once_in_the_last_paragraphs_score_below_Russia()
    {
        var russia = Result.Countries.Single(c => c.Place.IsoCode == "RU").Score;
        Assert.All(Result.Countries.Where(c => c.Place.IsoCode is "US" or "AU" or "GB" or "PH" or "ID"), c => Assert.True(c.Score < russia));
    }

    [Theory]
    [InlineData("eastern-asia", "subregion")]
    [InlineData("south-eastern-asia", "subregion")]
    [InlineData("east-china-sea", "theatre")]
    [InlineData("senkaku-islands", "disputed-territory")]
    public void The_regions_include(string slug, string kind)
    {
        var region = Assert.Single(Result.Regions, r => r.Place.Slug == slug);
        Assert.Equal(kind, NewsDesk.Tagging.Taxonomy.PlaceKinds.Name(region.Place.Kind));
    }

    [Theory]
    [InlineData("defence-cooperation")]
    [InlineData("cyber-security")]
    [InlineData("maritime-security")]
    public void The_topics_include(string slug)
    {
        var topic = Assert.Single(Result.Topics, t => t.Topic.Slug == slug);
        Assert.StartsWith("medtop:", topic.Topic.IptcCode, StringComparison.Ordinal);
        Assert.True(topic.Score >= 0.5);
    }

    [Theory]
    [InlineData("Nobuo Kishi")]
    [InlineData("Phan Van Giang")]
    public void Both_ministers_are_found_as_people(string name)
    {
        var person = Assert.Single(Result.Entities, e => e.Name == name);
        Assert.Equal(NewsDesk.Tagging.Taxonomy.EntityKind.Person, person.Kind);
    }

    [Fact]
    public void Kishi_alone_later_in_the_story_counts_for_Nobuo_Kishi()
    {
        var kishi = Result.Entities.Single(e => e.Name == "Nobuo Kishi");
        Assert.Contains(kishi.Evidence, e => e.Text == "Kishi");
        Assert.DoesNotContain(Result.Entities, e => e.Name == "Kishi");
    }

    [Fact]
    public void The_Senkaku_Islands_are_found_by_their_Chinese_name_too()
    {
        var senkaku = Result.Regions.Single(r => r.Place.Slug == "senkaku-islands");
        Assert.Contains(senkaku.Evidence, e => e.Text == "Diaoyu");
    }

    [Fact]
    public void Every_evidence_span_is_the_text_at_its_offsets()
    {
        var all = Result.Countries.Concat(Result.Regions).SelectMany(r => r.Evidence)
            .Concat(Result.Topics.SelectMany(t => t.Evidence)).Concat(Result.Entities.SelectMany(e => e.Evidence));
        Assert.All(all, e => Assert.Equal(e.Text, Text[e.Start..e.End]));
    }

    [Fact]
    public void Each_list_is_sorted_by_score_descending()
    {
        Assert.Equal(Result.Countries.Select(c => c.Score).OrderDescending(), Result.Countries.Select(c => c.Score));
        Assert.Equal(Result.Regions.Select(c => c.Score).OrderDescending(), Result.Regions.Select(c => c.Score));
        Assert.Equal(Result.Topics.Select(c => c.Score).OrderDescending(), Result.Topics.Select(c => c.Score));
        Assert.Equal(Result.Entities.Select(c => c.Score).OrderDescending(), Result.Entities.Select(c => c.Score));
        Assert.All(Result.Countries.Concat(Result.Regions), r => Assert.InRange(r.Score, 0, 1));
    }
}
