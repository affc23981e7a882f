using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;

// Fills a new NewsDesk database with N articles (default 10,000) for the desk benchmark: a region tree, topics and tags,
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

    var random = new Random(42);
    var world = new Region("world", "World", RegionKind.World);
    db.Regions.Add(world);
    await db.SaveChangesAsync();
    world.RefreshPath();
    var regions = new List<Region>();
    for (var c = 0; c < 5; c++)
    {
        var continent = new Region($"continent-{c}", $"Continent {c}", RegionKind.Continent);
        continent.MoveUnder(world);
        db.Regions.Add(continent);
        regions.Add(continent);
        for (var s = 0; s < 4; s++)
        {
            var sub = new Region($"subregion-{c}-{s}", $"Subregion {c}.{s}", RegionKind.Subregion);
            sub.MoveUnder(continent);
            db.Regions.Add(sub);
            regions.Add(sub);
            for (var k = 0; k < 12; k++)
            {
                var country = new Region($"country-{c}-{s}-{k}", $"Country {c}.{s}.{k}", RegionKind.Country);
                country.MoveUnder(sub);
                db.Regions.Add(country);
                regions.Add(country);
            }
        }
    }

    await db.SaveChangesAsync();
    foreach (var region in regions)
    {
        region.RefreshPath();
    }

    var topics = Enumerable.Range(0, 40).Select(i => new Topic($"topic-{i}", $"Topic {i}")).ToList();
    var tags = Enumerable.Range(0, 600).Select(i => new Tag($"tag-{i}", $"Entity {i}", (TagKind)(i % 4))).ToList();
    db.Topics.AddRange(topics);
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
        foreach (var term in terms.OrderBy(_ => random.Next()).Take(5 + random.Next(4)))
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
