using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.FrontPage;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.TestSupport.Sample;

/// <summary>
/// A small newsroom for reading-view tests, written through the entities as the tagging and desk code will:
/// a slice of the UN M49 tree (Asia → Eastern / South-eastern Asia → countries → Tokyo), two theatres and a
/// disputed territory with the countries they involve, topics, tags, and stories spread over time.
/// </summary>
public sealed class SampleNewsroom
{
    private readonly NewsDeskDbContext _db;

    private SampleNewsroom(NewsDeskDbContext db, DateTime now)
    {
        _db = db;
        Now = now;
    }

    public DateTime Now { get; }

    public Region World { get; private set; } = null!;
    public Region Asia { get; private set; } = null!;
    public Region EasternAsia { get; private set; } = null!;
    public Region SouthEasternAsia { get; private set; } = null!;
    public Region Japan { get; private set; } = null!;
    public Region China { get; private set; } = null!;
    public Region Vietnam { get; private set; } = null!;
    public Region Philippines { get; private set; } = null!;
    public Region Tokyo { get; private set; } = null!;
    public Region SouthChinaSea { get; private set; } = null!;
    public Region Senkaku { get; private set; } = null!;
    public Topic Cyber { get; private set; } = null!;
    public Topic Maritime { get; private set; } = null!;
    public Topic Defence { get; private set; } = null!;
    public Tag Bomber { get; private set; } = null!;

    public Dictionary<string, Article> Stories { get; } = new(StringComparer.Ordinal);

    public static async Task<SampleNewsroom> CreateAsync(NewsDeskDbContext db, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sample = new SampleNewsroom(db, now);
        await sample.BuildTaxonomyAsync();
        await sample.BuildStoriesAsync();
        return sample;
    }

    private async Task BuildTaxonomyAsync()
    {
        World = await RegionAsync("world", "World", RegionKind.World, null, numeric: "001");
        Asia = await RegionAsync("asia", "Asia", RegionKind.Continent, World, numeric: "142");
        EasternAsia = await RegionAsync("eastern-asia", "Eastern Asia", RegionKind.Subregion, Asia, numeric: "030");
        SouthEasternAsia = await RegionAsync("south-eastern-asia", "South-eastern Asia", RegionKind.Subregion, Asia, numeric: "035");
        Japan = await RegionAsync("japan", "Japan", RegionKind.Country, EasternAsia, "JP", "392");
        China = await RegionAsync("china", "China", RegionKind.Country, EasternAsia, "CN", "156");
        Vietnam = await RegionAsync("vietnam", "Vietnam", RegionKind.Country, SouthEasternAsia, "VN", "704");
        Philippines = await RegionAsync("philippines", "Philippines", RegionKind.Country, SouthEasternAsia, "PH", "608");
        Tokyo = await RegionAsync("tokyo", "Tokyo", RegionKind.Subdivision, Japan, "JP-13");
        SouthChinaSea = await RegionAsync("south-china-sea", "South China Sea", RegionKind.Theatre, SouthEasternAsia);
        Senkaku = await RegionAsync("senkaku-islands", "Senkaku Islands", RegionKind.DisputedTerritory, EasternAsia);
        await InvolveAsync(SouthChinaSea, China, Vietnam, Philippines);
        await InvolveAsync(Senkaku, Japan, China);
        if (!await _db.TermAliases.AnyAsync(a => a.TermId == Senkaku.Id && a.Name == "Diaoyu Islands"))
        {
            Senkaku.Aliases.Add(new TermAlias { Name = "Diaoyu Islands" });
        }

        Cyber = await TermAsync(() => new Topic("cyber-security", "Cyber security") { Description = "Attacks, espionage and defence in cyberspace." });
        Maritime = await TermAsync(() => new Topic("maritime-security", "Maritime security"));
        Defence = await TermAsync(() => new Topic("defence-cooperation", "Defence cooperation"));
        Bomber = await TermAsync(() => new Tag("h-6-bomber", "H-6 bomber", TagKind.Equipment));
        await _db.SaveChangesAsync();
    }

    /// <summary>The app syncs the built-in taxonomy at start: use its term when it has one, as the tagger would.</summary>
    private async Task<T> TermAsync<T>(Func<T> create)
        where T : Term
    {
        var term = create();
        var existing = await _db.Terms.OfType<T>().SingleOrDefaultAsync(t => t.Slug == term.Slug);
        if (existing is not null)
        {
            return existing;
        }

        _db.Add(term);
        return term;
    }

    private async Task InvolveAsync(Region region, params Region[] countries)
    {
        foreach (var country in countries)
        {
            if (!await _db.RegionInvolvements.AnyAsync(i => i.RegionId == region.Id && i.CountryId == country.Id))
            {
                _db.RegionInvolvements.Add(new RegionInvolvement { Region = region, Country = country });
            }
        }
    }

    private async Task<Region> RegionAsync(string slug, string name, RegionKind kind, Region? parent, string? iso = null, string? numeric = null)
    {
        var existing = await _db.Regions.SingleOrDefaultAsync(r => r.Slug == slug);
        if (existing is not null)
        {
            return existing;
        }

        var region = new Region(slug, name, kind) { IsoCode = iso, NumericCode = numeric };
        region.MoveUnder(parent);
        _db.Regions.Add(region);
        await _db.SaveChangesAsync();
        region.RefreshPath();
        await _db.SaveChangesAsync();
        return region;
    }

    private async Task BuildStoriesAsync()
    {
        Story("kishi", "Japan scrambles jets as Chinese bombers near Okinawa", -1,
            "Japan's air force scrambled fighters after two H-6 bombers flew between Okinawa and Miyako.",
            "Two Chinese **H-6** bombers flew through the Miyako Strait on Monday, the defence ministry in Tokyo said.\n\nJapan scrambled fighter jets to shadow them.",
            "Aiko Tanaka", [Japan, China], [Defence], [Bomber]);
        Story("tokyo-cyber", "Ransomware hits Tokyo port operator", -2,
            "A ransomware attack halted container handling at a Tokyo terminal.",
            "Container terminals in Tokyo stopped for a day after a ransomware attack encrypted the scheduling system.",
            "Aiko Tanaka and Ben Ortiz", [Tokyo], [Cyber], []);
        Story("scs-collision", "Coast guard vessels collide near Second Thomas Shoal", -3,
            "A Chinese coast guard ship and a Philippine supply boat collided in the South China Sea.",
            "The collision happened during a resupply mission in the **South China Sea**, officials in Manila said.",
            "Ben Ortiz", [SouthChinaSea, Philippines, China], [Maritime], []);
        Story("senkaku-patrol", "Chinese ships enter waters off the Senkaku Islands", -5,
            "Four coast guard vessels entered the territorial sea around the islands China calls Diaoyu.",
            "Four vessels entered the territorial sea around the Senkaku Islands for the 37th time this year.",
            null, [Senkaku, Japan], [Maritime], []);
        Story("vietnam-pact", "Vietnam and Japan sign cyber defence pact", -12,
            "The agreement covers information sharing on state-sponsored cyber attacks.",
            "Vietnam and Japan agreed to share warnings of cyber attacks. The cyber pact follows similar deals with Australia.",
            "Ben Ortiz", [Vietnam, Japan], [Cyber, Defence], []);
        Story("old-drill", "Navies hold joint drill in the South China Sea", -400,
            "An exercise from more than a year ago.",
            "Ships from three navies drilled in the South China Sea.",
            "Carla Reyes", [SouthChinaSea], [Maritime], []);

        var draft = new Article("unpublished-draft", "Draft about a secret cyber operation", "Not for readers: cyber draft.", ArticleStatus.Draft, Now);
        draft.Terms.Add(new ArticleTerm { Term = Japan, Score = 1, Origin = LinkOrigin.Editor, Decision = LinkDecision.Accepted });
        _db.Articles.Add(draft);
        Stories["draft"] = draft;

        var scheduled = new Article("scheduled-story", "Scheduled report on cyber readiness", "Embargoed until tomorrow.", ArticleStatus.Draft, Now);
        scheduled.Publish(Now.AddDays(1));
        scheduled.Terms.Add(new ArticleTerm { Term = Japan, Score = 1, Origin = LinkOrigin.Editor, Decision = LinkDecision.Accepted });
        _db.Articles.Add(scheduled);
        Stories["scheduled"] = scheduled;

        await _db.SaveChangesAsync();
    }

    public Article Story(string key, string headline, int daysAgo, string standfirst, string body, string? byline, Region[] regions, Topic[] topics, Tag[] tags, ArticleStatus status = ArticleStatus.Published)
    {
        var at = Now.AddDays(daysAgo);
        var article = new Article(NewsDesk.Core.Text.Slugs.From(headline), headline, body, ArticleStatus.Draft, at)
        {
            Standfirst = standfirst,
            Byline = byline,
            SourceName = "Example Wire",
            OriginalUrl = "https://wire.example/" + key,
        };
        if (status == ArticleStatus.Published)
        {
            article.Publish(at);
        }

        foreach (var term in regions.Cast<Term>().Concat(topics).Concat(tags))
        {
            article.Terms.Add(new ArticleTerm { Term = term, Score = 0.9, Origin = LinkOrigin.Auto });
        }

        _db.Articles.Add(article);
        Stories[key] = article;
        return article;
    }

    public async Task FeatureAsync(Region region, params Article[] articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        for (var i = 0; i < articles.Length; i++)
        {
            _db.FrontPagePicks.Add(new FrontPagePick { Slot = FrontPageSlot.Featured, Region = region, Article = articles[i], Position = i + 1, PickedAt = Now });
        }

        await _db.SaveChangesAsync();
    }
}
