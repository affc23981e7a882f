using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;

// Fills a new NewsDesk database with N articles (default 10,000) for the desk benchmark: the built-in taxonomy, 600 tags,
// 5-8 links per article with evidence, one revision each, and a mix of workflow states.
// Usage: dotnet run --project bench/Desk/DeskBenchData -c Release -- PATH.db [COUNT]
if (args.Length < 1)
{
    await Console.Error.WriteLineAsync("usage: DeskBenchData PATH.db [COUNT]");
    return 2;
}

var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var configuration = new ConfigurationBuilder().Build();
var services = new ServiceCollection().AddLogging().AddNewsDeskCore(configuration, args[0]).BuildServiceProvider();
await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
    await NewsDeskDatabase.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<NewsDeskPaths>());
    if (await db.Articles.AnyAsync())
    {
        await Console.Error.WriteLineAsync("The database already has articles.");
        return 1;
    }

    // The app syncs the built-in taxonomy (~3,800 places, topics) at its first start and queues a re-tag of every stored
    // story when it finds stories already there; syncing before any story exists gives the store the app expects and
    // keeps a background re-tag of 10,000 stories out of the timings.
    await scope.ServiceProvider.GetRequiredService<TaxonomySync>().SyncAsync();
    var random = new Random(42);
    var regions = await db.Regions.Where(r => r.Kind != RegionKind.World).ToListAsync();
    var topics = await db.Topics.ToListAsync();
    var tags = Enumerable.Range(0, 600).Select(i => new Tag($"tag-{i}", $"Entity {i}", (TagKind)(i % 4))).ToList();
    db.Tags.AddRange(tags);
    await db.SaveChangesAsync();
    var terms = regions.Cast<Term>().Concat(topics).Concat(tags).ToList();

    var paragraph = "Coast guard vessels entered the contiguous zone near the disputed islands on Monday, the ministry said, "
        + "the latest in a series of incursions that officials describe as grey-zone pressure. ";
    var statuses = new[] { ArticleStatus.Published, ArticleStatus.Published, ArticleStatus.Published, ArticleStatus.Draft, ArticleStatus.InReview, ArticleStatus.Incoming };
    var start = DateTime.UtcNow.AddDays(-count / 10.0);
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = 0; i < count; i++)
    {
        var created = start.AddMinutes(i * 14.4);
        var headline = $"Story {i}: patrols and drills reported near Country {i % 5}.{i % 4}.{i % 12}";
        var body = string.Concat(Enumerable.Repeat(paragraph, 8)) + "\n\n## Reaction\n\n" + string.Concat(Enumerable.Repeat(paragraph, 6));
        var article = new Article($"story-{i}", headline, body, statuses[i % statuses.Length], created)
        {
            Standfirst = "Officials say the ships stayed for several hours.",
            Byline = $"Reporter {i % 37}",
            SourceName = $"Outlet {i % 9}",
        };
        if (article.Status == ArticleStatus.Published)
        {
            article.Publish(created);
        }

        article.Touch(created);
        var picked = new HashSet<int>();
        while (picked.Count < 5 + (i % 4))
        {
            picked.Add(random.Next(terms.Count));
        }

        foreach (var term in picked.Select(k => terms[k]))
        {
            var at = random.Next(0, 900);
            article.Terms.Add(new ArticleTerm
            {
                Term = term,
                Score = Math.Round(random.NextDouble(), 2),
                Origin = LinkOrigin.Auto,
                Evidence = $"[{{\"text\":\"{body.Substring(at, 12).Replace("\"", "", StringComparison.Ordinal)}\",\"start\":{at},\"end\":{at + 12}}}]",
            });
        }

        article.Revisions.Add(article.Snapshot(1, created, "bench", null));
        db.Articles.Add(article);
        if (i % 500 == 499)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            terms = await db.Terms.ToListAsync();
        }
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    await Console.Out.WriteLineAsync($"{await db.Articles.CountAsync()} articles, {await db.ArticleTerms.CountAsync()} links, {await db.Terms.CountAsync()} terms in {args[0]}");
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
return 0;
