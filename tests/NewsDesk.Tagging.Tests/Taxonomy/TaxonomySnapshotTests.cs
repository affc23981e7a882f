using NewsDesk.Tagging.Tagging;
using NewsDesk.Tagging.Taxonomy;
using NewsDesk.Tagging.Text;

namespace NewsDesk.Tagging.Tests.Taxonomy;

public sealed class TaxonomySnapshotTests
{
    private static readonly TaxonomySnapshot BuiltIn = TaxonomySnapshot.BuiltIn;

    [Theory]
    [InlineData("country:VN", "vietnam", PlaceKind.Country)]
    [InlineData("country:US", "united-states", PlaceKind.Country)]
    [InlineData("country:KR", "south-korea", PlaceKind.Country)]
    [InlineData("country:KP", "north-korea", PlaceKind.Country)]
    [InlineData("country:GB", "united-kingdom", PlaceKind.Country)]
    [InlineData("m49:030", "eastern-asia", PlaceKind.Subregion)]
    [InlineData("m49:035", "south-eastern-asia", PlaceKind.Subregion)]
    [InlineData("m49:142", "asia", PlaceKind.Continent)]
    [InlineData("m49:001", "world", PlaceKind.World)]
    [InlineData("m49:011", "western-africa", PlaceKind.IntermediateRegion)]
    [InlineData("theatre:south-china-sea", "south-china-sea", PlaceKind.Theatre)]
    [InlineData("disputed:senkaku-islands", "senkaku-islands", PlaceKind.DisputedTerritory)]
    [InlineData("subdivision:US-CA", "california", PlaceKind.Subdivision)]
    public void Places_have_the_slugs_of_their_common_English_names(string key, string slug, PlaceKind kind)
    {
        var place = BuiltIn.FindPlace(key);
        Assert.NotNull(place);
        Assert.Equal(slug, place.Slug);
        Assert.Equal(kind, place.Kind);
    }

    [Fact]
    public void The_M49_hierarchy_runs_from_the_world_to_each_country()
    {
        var japan = BuiltIn.FindPlace("country:JP")!;
        var chain = new List<string>();
        for (var p = japan; p is not null; p = p.ParentKey is { } k ? BuiltIn.FindPlace(k) : null)
        {
            chain.Add(p.Slug);
        }

        Assert.Equal(["japan", "eastern-asia", "asia", "world"], chain);
        Assert.All(BuiltIn.Places.Where(p => p.Kind == PlaceKind.Country), c => Assert.NotNull(BuiltIn.FindPlace(c.ParentKey!)));
    }

    [Fact]
    public void Slugs_are_unique_and_every_involved_country_and_parent_exists()
    {
        Assert.Equal(BuiltIn.Places.Count, BuiltIn.Places.Select(p => p.Slug).Distinct().Count());
        Assert.Equal(BuiltIn.Topics.Count, BuiltIn.Topics.Select(t => t.Slug).Distinct().Count());
        foreach (var place in BuiltIn.Places)
        {
            Assert.All(place.InvolvedCountryKeys, k => Assert.Equal(PlaceKind.Country, BuiltIn.FindPlace(k)?.Kind));
            if (place.ParentKey is { } parent)
            {
                Assert.True(BuiltIn.FindPlace(parent) is not null, $"{place.Key}: no parent {parent}");
            }
        }
    }

    [Fact]
    public void Disputed_territories_name_the_countries_involved()
    {
        Assert.Equal(["country:CN", "country:JP", "country:TW"], BuiltIn.FindPlace("disputed:senkaku-islands")!.InvolvedCountryKeys.Order());
        Assert.Equal(["country:JP", "country:RU"], BuiltIn.FindPlace("disputed:kuril-islands")!.InvolvedCountryKeys.Order());
        Assert.Equal(["country:JP", "country:KR"], BuiltIn.FindPlace("disputed:liancourt-rocks")!.InvolvedCountryKeys.Order());
    }

    [Theory]
    [InlineData("Diaoyutai", "senkaku-islands")]
    [InlineData("Nansha Islands", "spratly-islands")]
    [InlineData("Truong Sa", "spratly-islands")]
    [InlineData("Hoàng Sa", "paracel-islands")]
    [InlineData("Xisha", "paracel-islands")]
    [InlineData("Northern Territories", "kuril-islands")]
    [InlineData("Takeshima", "liancourt-rocks")]
    [InlineData("Dokdo", "liancourt-rocks")]
    [InlineData("Crimea", "crimea")]
    [InlineData("West Philippine Sea", "south-china-sea")]
    public void Every_name_each_side_uses_finds_the_territory(string name, string slug)
    {
        var result = Tagger.Tag($"Ships were seen near {name} on Monday.");
        Assert.Contains(result.Regions, r => r.Place.Slug == slug);
    }

    [Fact]
    public void There_are_25_to_40_topics_each_with_a_valid_IPTC_code_where_one_is_given()
    {
        Assert.InRange(BuiltIn.Topics.Count, 25, 40);
        Assert.All(BuiltIn.Topics.Where(t => t.IptcCode is not null), t =>
        {
            Assert.Matches("^medtop:[0-9]{8}$", t.IptcCode!);
            Assert.False(string.IsNullOrEmpty(t.IptcLabel), $"{t.Slug}: {t.IptcCode} is not in the copied IPTC vocabulary");
        });
        Assert.True(BuiltIn.Topics.Count(t => t.IptcCode is not null) >= BuiltIn.Topics.Count * 3 / 4);
    }

    [Fact]
    public void The_gazetteer_covers_every_country_many_subdivisions_and_cities()
    {
        Assert.True(BuiltIn.Places.Count(p => p.Kind == PlaceKind.Country) >= 245);
        Assert.True(BuiltIn.Places.Count(p => p.Kind == PlaceKind.Subdivision) >= 3000);
        Assert.Equal(["JP"], Tagger.Tag("Explosions were heard in Osaka.").Countries.Select(c => c.Place.IsoCode));
        Assert.Equal(["UA"], Tagger.Tag("Drones hit Kharkiv overnight.").Countries.Select(c => c.Place.IsoCode));
    }

    [Fact]
    public void Keyword_inflections_cover_plurals_and_verb_forms()
    {
        Assert.Subset(TaxonomySnapshot.Inflections("sanction").ToHashSet(), new HashSet<string> { "sanction", "sanctions", "sanctioned", "sanctioning" });
        Assert.Subset(TaxonomySnapshot.Inflections("scramble").ToHashSet(), new HashSet<string> { "scrambled", "scrambling", "scrambles" });
        Assert.Subset(TaxonomySnapshot.Inflections("defence pact").ToHashSet(), new HashSet<string> { "defence pacts" });
        Assert.Equal(["ADIZ"], TaxonomySnapshot.Inflections("ADIZ"));
        Assert.Equal(["war"], TaxonomySnapshot.Inflections("war="));
    }

    [Fact]
    public void An_admin_alias_is_matched_and_reported_as_its_term()
    {
        var overlay = new TaxonomyOverlay();
        overlay.Aliases.Add(("disputed:senkaku-islands", "Sento Shosho"));

        var result = Tagger.Tag(TaxonomySnapshot.Build(overlay), TaggingInput.PlainText("Patrol boats circled Sento Shosho again."));

        Assert.Contains(result.Regions, r => r.Place.Slug == "senkaku-islands" && r.Evidence.Any(e => e.Text == "Sento Shosho"));
    }

    [Fact]
    public void A_merged_topic_is_reported_as_the_topic_it_was_merged_into()
    {
        var overlay = new TaxonomyOverlay();
        overlay.Merges["topic:piracy"] = "topic:maritime-security";

        var result = Tagger.Tag(TaxonomySnapshot.Build(overlay), TaggingInput.PlainText("Pirates hijacked a tanker; piracy is rising."));

        Assert.DoesNotContain(result.Topics, t => t.Topic.Slug == "piracy");
        Assert.Contains(result.Topics, t => t.Topic.Slug == "maritime-security");
    }

    [Fact]
    public void A_retired_term_is_not_reported()
    {
        var overlay = new TaxonomyOverlay();
        overlay.Retired.Add("theatre:indo-pacific");

        var result = Tagger.Tag(TaxonomySnapshot.Build(overlay), TaggingInput.PlainText("A free and open Indo-Pacific, Japan said."));

        Assert.DoesNotContain(result.Regions, r => r.Place.Slug == "indo-pacific");
    }

    [Fact]
    public void A_region_an_admin_adds_is_found_and_implies_its_parent_and_countries()
    {
        var overlay = new TaxonomyOverlay();
        overlay.Places.Add(new PlaceDefinition("term:9001", "first-island-chain", "First Island Chain", PlaceKind.Theatre, "m49:030", null, null, ["country:JP", "country:TW", "country:PH"], ["first island chain"]));

        var result = Tagger.Tag(TaxonomySnapshot.Build(overlay), TaggingInput.PlainText("First Island Chain drills\n\nThe navy sailed along the First Island Chain for a week, past the first island chain's gaps."));

        var chain = Assert.Single(result.Regions, r => r.Place.Key == "term:9001");
        Assert.Equal(3, chain.Evidence.Count);
    }

    [Fact]
    public void A_topic_an_admin_adds_is_a_common_noun_matched_in_any_case_but_its_acronyms_keep_theirs()
    {
        var overlay = new TaxonomyOverlay();
        overlay.Topics.Add(new TopicDefinition("term:9002", "grey-zone-tactics", "Grey-zone tactics", null, null));
        overlay.Topics.Add(new TopicDefinition("term:9003", "asat-tests", "ASAT tests", null, null));
        var taxonomy = TaxonomySnapshot.Build(overlay);

        var lower = Tagger.Tag(taxonomy, TaggingInput.PlainText("Coast guards\n\nMore grey-zone tactics at sea, and more GREY-ZONE TACTICS."));
        var acronym = Tagger.Tag(taxonomy, TaggingInput.PlainText("Space\n\nMore ASAT tests in orbit, and more ASAT tests."));
        var notAcronym = Tagger.Tag(taxonomy, TaggingInput.PlainText("Space\n\nMore asat tests in orbit, and more asat tests."));

        Assert.Contains(lower.Topics, t => t.Topic.Key == "term:9002");
        Assert.Contains(acronym.Topics, t => t.Topic.Key == "term:9003");
        Assert.DoesNotContain(notAcronym.Topics, t => t.Topic.Key == "term:9003");
    }

    [Fact]
    public void A_renamed_built_in_term_keeps_its_key_shows_its_new_name_and_matches_both()
    {
        var overlay = new TaxonomyOverlay();
        overlay.Renames["country:CZ"] = "Czech Republic";

        var taxonomy = TaxonomySnapshot.Build(overlay);
        var result = Tagger.Tag(taxonomy, TaggingInput.PlainText("Czechia and the Czech Republic are one country."));

        var czech = Assert.Single(result.Countries);
        Assert.Equal("Czech Republic", czech.Place.Name);
        Assert.Equal("country:CZ", czech.Place.Key);
    }
}
