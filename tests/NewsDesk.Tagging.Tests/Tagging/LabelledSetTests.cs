using System.Text.Json;
using NewsDesk.Tagging.Tagging;

namespace NewsDesk.Tagging.Tests.Tagging;

/// <summary>
/// Micro precision, recall and F1 over Labelled/labelled.jsonl (texts the team wrote, every continent and the
/// ambiguous names). docs/tagging.md has the same numbers from the CLI: node tools/tagging-eval/evaluate.mjs.
/// </summary>
public sealed class LabelledSetTests(ITestOutputHelper output)
{
    private sealed record Item(string Id, string Text, string[] Countries, string[] Regions, string[] Topics);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Item[] Set = [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Labelled", "labelled.jsonl"))
        .Where(l => l.Length > 0)
        .Select(l => JsonSerializer.Deserialize<Item>(l, Json)!)];

    [Fact]
    public void The_set_has_at_least_60_texts_from_every_continent()
    {
        Assert.True(Set.Length >= 60);
        var continents = Set.SelectMany(i => Tagger.Tag(i.Text).Countries.Take(1))
            .Select(c => Continent(c.Place)).ToHashSet();
        Assert.Superset(new HashSet<string?> { "africa", "americas", "asia", "europe", "oceania" }, continents);
    }

    [Fact]
    public void Country_F1_is_at_least_0_9_and_regions_and_topics_are_reported()
    {
        var countries = Score(i => i.Countries, r => r.Countries.Select(c => c.Place.IsoCode!));
        var regions = Score(i => i.Regions, r => r.Regions.Select(c => c.Place.Slug));
        var topics = Score(i => i.Topics, r => r.Topics.Select(c => c.Topic.Slug));
        output.WriteLine($"countries {countries}\nregions {regions}\ntopics {topics}");

        Assert.True(countries.F1 >= 0.9, $"country F1 {countries.F1:0.000}");
        Assert.True(regions.F1 >= 0.8, $"region F1 {regions.F1:0.000}");
        Assert.True(topics.F1 >= 0.6, $"topic F1 {topics.F1:0.000}");
    }

    private static Metrics Score(Func<Item, string[]> expected, Func<TaggingResult, IEnumerable<string>> found)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var item in Set)
        {
            var gold = expected(item).ToHashSet();
            var got = found(Tagger.Tag(item.Text)).ToHashSet();
            tp += got.Count(gold.Contains);
            fp += got.Count(g => !gold.Contains(g));
            fn += gold.Count(g => !got.Contains(g));
        }

        return new Metrics(tp, fp, fn);
    }

    private static string? Continent(NewsDesk.Tagging.Taxonomy.PlaceDefinition place)
    {
        var taxonomy = NewsDesk.Tagging.Taxonomy.TaxonomySnapshot.BuiltIn;
        for (var p = place; p is not null; p = p.ParentKey is { } k ? taxonomy.FindPlace(k) : null)
        {
            if (p.Kind == NewsDesk.Tagging.Taxonomy.PlaceKind.Continent)
            {
                return p.Slug;
            }
        }

        return null;
    }

    private sealed record Metrics(int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);

        public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public override string ToString() => $"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives})";
    }
}
