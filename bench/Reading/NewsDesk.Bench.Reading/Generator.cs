using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.FrontPage;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Search;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Core.Text;

namespace NewsDesk.Bench.Reading;

/// <summary>
/// Fills a new store with <c>count</c> synthetic published stories spread over five years, written from the
/// <see cref="Gazetteer"/>'s places, topics and names, and filed the way the tagger files them (places, the
/// countries a theatre involves, topics, tags). Deterministic for a given seed.
/// </summary>
internal static class Generator
{
    private const int Batch = 2000;

    public static async Task<int> RunAsync(string file, int count, int seed)
    {
        if (File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file} exists; the generator only fills a new store.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var services = new ServiceCollection().AddLogging();
        services.AddNewsDeskCore(new ConfigurationBuilder().Build(), file);
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await NewsDeskDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>(), scope.ServiceProvider.GetRequiredService<NewsDeskPaths>());
        }

        var random = new Random(seed);
        Dictionary<string, Region> places;
        List<Topic> topics;
        List<Tag> tags;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            (places, topics, tags) = await TaxonomyAsync(db, scope.ServiceProvider.GetRequiredService<TaxonomySync>());
        }

        var now = DateTime.UtcNow;
        var span = TimeSpan.FromDays(5 * 365);
        var weighted = Gazetteer.Places.Where(p => p.Kind is RegionKind.Country or RegionKind.Subdivision or RegionKind.Theatre or RegionKind.DisputedTerritory)
            .SelectMany(p => Enumerable.Repeat(p, p.Weight)).ToArray();
        var topicWords = Gazetteer.Topics.ToDictionary(t => t.Slug, t => t.Words);
        var clusters = 0;
        var recent = new List<(int Index, string Place, int Cluster)>();
        var storyClusters = new Dictionary<int, StoryCluster>();
        for (var start = 0; start < count; start += Batch)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var place = weighted[random.Next(weighted.Length)];
                var topic = Gazetteer.Topics[random.Next(Gazetteer.Topics.Length)];
                var countrySlug = place.Kind switch
                {
                    RegionKind.Theatre or RegionKind.DisputedTerritory => place.Involves![random.Next(place.Involves.Length)],
                    RegionKind.Subdivision => place.Parent,
                    _ => place.Slug,
                };
                var country = Gazetteer.Places.First(p => p.Slug == countrySlug);
                var other = weighted[random.Next(weighted.Length)];
                var country2 = other.Kind == RegionKind.Country && other.Slug != country.Slug ? other : Gazetteer.Places.First(p => p.Slug == "united-states");
                // Spread over five years, a little denser towards now, as an archive grows.
                var published = now - TimeSpan.FromTicks((long)(span.Ticks * Math.Pow(random.NextDouble(), 1.3)));
                var word = topicWords[topic.Slug][random.Next(topicWords[topic.Slug].Length)];
                var headline = $"{country.Name} {Gazetteer.Verbs[random.Next(Gazetteer.Verbs.Length)]} {word} {(place.Slug == country.Slug ? "in " + country2.Name : "near " + place.Name)}";
                var slug = Slugs.From(headline, 90) + "-" + i.ToString(CultureInfo.InvariantCulture);
                var body = Body(random, place.Name, country.Name, country2.Name, topicWords[topic.Slug]);
                var article = new Article(slug, headline, body, ArticleStatus.Draft, published)
                {
                    Standfirst = Sentence(random, place.Name, country.Name, country2.Name, topicWords[topic.Slug]),
                    Byline = random.Next(10) == 0
                        ? $"{Pick(random, Gazetteer.Reporters)} and {Pick(random, Gazetteer.Reporters)}"
                        : Pick(random, Gazetteer.Reporters),
                    SourceName = Pick(random, Gazetteer.Sources),
                    OriginalUrl = $"https://news.example/{slug}",
                    UpdatedAt = random.Next(8) == 0 ? published.AddHours(random.Next(1, 30)) : null,
                };
                article.Publish(published);

                // One story in ten follows up an earlier one on the same place: same story cluster.
                int? clusterNumber = null;
                if (random.Next(10) == 0 && recent.Count > 0)
                {
                    var earlier = recent[random.Next(recent.Count)];
                    if (earlier.Place == place.Slug)
                    {
                        clusterNumber = earlier.Cluster;
                    }
                }

                clusterNumber ??= random.Next(4) == 0 ? ++clusters : null;
                if (clusterNumber is { } cluster)
                {
                    if (!storyClusters.TryGetValue(cluster, out var storyCluster))
                    {
                        storyClusters[cluster] = storyCluster = new StoryCluster { CreatedAt = published };
                    }

                    // A cluster saved in an earlier batch belongs to another context: link it by id.
                    article.ClusterMembership = storyCluster.Id == 0
                        ? new StoryClusterMember { Article = article, StoryCluster = storyCluster }
                        : new StoryClusterMember { Article = article, StoryClusterId = storyCluster.Id };
                    recent.Add((i, place.Slug, cluster));
                    if (recent.Count > 200)
                    {
                        recent.RemoveAt(0);
                    }
                }

                var linked = new HashSet<int>();
                void Link(Term term, double score)
                {
                    if (linked.Add(term.Id))
                    {
                        article.Terms.Add(new ArticleTerm { TermId = term.Id, Score = score, Origin = LinkOrigin.Auto });
                    }
                }

                Link(places[place.Slug], 0.95);
                Link(places[country.Slug], 0.85);
                if (random.Next(3) == 0)
                {
                    Link(places[country2.Slug], 0.6);
                }

                Link(topics[Array.FindIndex(Gazetteer.Topics, t => t.Slug == topic.Slug)], 0.9);
                if (random.Next(3) == 0)
                {
                    Link(topics[random.Next(topics.Count)], 0.55);
                }

                if (random.Next(3) == 0)
                {
                    Link(tags[random.Next(tags.Count)], 0.7);
                }

                // A low-confidence suggestion readers must not see.
                if (random.Next(5) == 0)
                {
                    Link(tags[random.Next(tags.Count)], 0.2);
                }

                db.Articles.Add(article);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            await Console.Error.WriteAsync($"\r{Math.Min(count, start + Batch)}/{count} stories, {watch.Elapsed.TotalSeconds:F0} s");
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            await CurateAsync(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>(), places, now);
        }

        // What `newsdesk ingest` does after a bulk import (and the web host within the hour): the search index in one
        // part, the shape a store that is looked after has.
        await using (var scope = provider.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<ISearchIndexMaintenance>().CompactIfWorthwhileAsync() is { } compaction)
            {
                await Console.Error.WriteAsync($"\nsearch index compacted: {compaction.PartsBefore} segments to {compaction.PartsAfter} in {compaction.Elapsed.TotalSeconds:F1} s");
            }
        }

        await Console.Error.WriteLineAsync($"\n{count} stories in {file} in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>
    /// The built-in taxonomy, synced as the app syncs it at first start, before any story exists: a store whose
    /// taxonomy is already current makes the app queue no background re-tag of every story during the measurements.
    /// The gazetteer's places are looked up in it by slug; topics and tags it lacks are added.
    /// </summary>
    private static async Task<(Dictionary<string, Region>, List<Topic>, List<Tag>)> TaxonomyAsync(NewsDeskDbContext db, TaxonomySync sync)
    {
        await sync.SyncAsync();
        var regions = await db.Regions.ToDictionaryAsync(r => r.Slug, StringComparer.Ordinal);
        var places = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var place in Gazetteer.Places)
        {
            places[place.Slug] = regions.GetValueOrDefault(place.Slug)
                ?? throw new InvalidOperationException($"The built-in taxonomy has no region '{place.Slug}'; update the gazetteer.");
        }

        var existingTopics = await db.Topics.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal);
        var topics = Gazetteer.Topics.Select(t => existingTopics.GetValueOrDefault(t.Slug) ?? db.Topics.Add(new Topic(t.Slug, t.Name)).Entity).ToList();
        var existingTags = await db.Tags.ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal);
        var tags = Gazetteer.Tags.Select(t => existingTags.GetValueOrDefault(t.Slug) ?? db.Tags.Add(new Tag(t.Slug, t.Name, t.Kind)).Entity).ToList();
        await db.SaveChangesAsync();
        return (places, topics, tags);
    }

    /// <summary>A pinned top story and three featured stories on the busiest places, as the desk would set them.</summary>
    private static async Task CurateAsync(NewsDeskDbContext db, Dictionary<string, Region> places, DateTime now)
    {
        var latest = await db.Articles.OrderByDescending(a => a.PublishedAt).FirstAsync();
        db.FrontPagePicks.Add(new FrontPagePick { Slot = FrontPageSlot.Top, ArticleId = latest.Id, PickedAt = now });
        foreach (var slug in new[] { "japan", "china", "south-china-sea", "taiwan-strait" })
        {
            var id = places[slug].Id;
            var picks = await db.ArticleTerms.Where(l => l.TermId == id).OrderByDescending(l => l.Article.PublishedAt).Select(l => l.ArticleId).Take(3).ToListAsync();
            for (var i = 0; i < picks.Count; i++)
            {
                db.FrontPagePicks.Add(new FrontPagePick { Slot = FrontPageSlot.Featured, RegionId = id, ArticleId = picks[i], Position = i + 1, PickedAt = now });
            }
        }

        await db.SaveChangesAsync();
    }

    private static string Body(Random random, string place, string country, string country2, string[] words)
    {
        var text = new StringBuilder();
        var paragraphs = random.Next(6, 10);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p == paragraphs / 2 && random.Next(2) == 0)
            {
                text.Append("## What happens next\n\n");
            }

            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                text.Append(Sentence(random, place, country, country2, words)).Append(' ');
            }

            text.Length--;
            text.Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string Sentence(Random random, string place, string country, string country2, string[] words)
    {
        var clause = Pick(random, Gazetteer.Clauses)
            .Replace("{topicword}", Pick(random, words), StringComparison.Ordinal)
            .Replace("{place}", place, StringComparison.Ordinal)
            .Replace("{country}", country, StringComparison.Ordinal)
            .Replace("{country2}", country2, StringComparison.Ordinal)
            .Replace("{nth}", Pick(random, Gazetteer.Ordinals), StringComparison.Ordinal);
        return Pick(random, Gazetteer.Openers).Replace("{day}", Pick(random, Gazetteer.Days), StringComparison.Ordinal) + " " + clause + ".";
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
