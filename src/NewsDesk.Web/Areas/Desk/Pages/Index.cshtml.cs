using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Web.Areas.Desk.Pages;

/// <summary>The desk's story list: every story, newest change first, filtered by status, region, topic, source and text.</summary>
public sealed class IndexModel(NewsDeskDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DateTime Now { get; private set; }

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Stories { get; private set; } = [];

    public IEnumerable<SelectListItem> StatusOptions => new[] { ("", "Any status"), ("Incoming", "Incoming"), ("Draft", "Draft"), ("InReview", "In review"), ("Scheduled", "Scheduled"), ("Published", "Published"), ("Unpublished", "Unpublished"), ("Discarded", "Discarded") }
        .Select(o => new SelectListItem(o.Item2, o.Item1, o.Item1 == (Status ?? "")));

    public IReadOnlyList<SelectListItem> RegionOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TopicOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> SourceOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        PageNumber = Math.Max(1, PageNumber);
        var now = Now;
        var query = db.Articles.AsNoTracking();
        query = Status switch
        {
            "Scheduled" => query.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now),
            "Published" => query.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now),
            _ when Enum.TryParse<ArticleStatus>(Status, out var status) => query.Where(a => a.Status == status),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = LikePattern.Contains(Q);
            query = query.Where(a => EF.Functions.Like(a.Headline, pattern, LikePattern.EscapeCharacter) || EF.Functions.Like(a.Standfirst!, pattern, LikePattern.EscapeCharacter));
        }

        // Term filters probe each candidate story's own links (a handful, by the (ArticleId, TermId) key), so the list
        // reads stories newest first from the ModifiedAt index and stops at the page: an IN (…) of every matching
        // story would be sorted whole first (Asia matches most of the store), and an IN over the subtree's ids would
        // probe each story once per region in it.
        if (Region is { } regionId)
        {
            // A region includes everything under it: Asia finds stories about Japan.
            var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(cancellationToken) ?? "-";
            query = query.Where(a => db.ArticleTerms.Any(l => l.ArticleId == a.Id && l.Decision != LinkDecision.Rejected
                && db.Regions.Any(r => r.Id == l.TermId && r.Path.StartsWith(path))));
        }

        if (Topic is { } topicId)
        {
            query = query.Where(a => db.ArticleTerms.Any(l => l.ArticleId == a.Id && l.TermId == topicId && l.Decision != LinkDecision.Rejected));
        }

        if (Source is { } sourceId)
        {
            query = query.Where(a => a.SourceId == sourceId);
        }

        Total = await query.CountAsync(cancellationToken);
        // The page's ids first: sorting and filtering then read only indexes (ids are in every index), never whole rows with their bodies.
        var ids = await query
            .OrderByDescending(a => a.ModifiedAt).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var rows = (await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Headline, a.Byline, a.Status, a.PublishedAt, a.ModifiedAt, Source = a.SourceName ?? (a.Source == null ? null : a.Source.Name) })
            .ToListAsync(cancellationToken))
            .OrderBy(r => ids.IndexOf(r.Id)).ToList();
        // The page's regions keyed by the same ids: a per-row subquery would rank every link in the store. Links are read
        // by article first and named after: joined to Terms in one query, SQLite (without statistics) chose to walk all
        // ~4,000 regions and probe each against the page, 30 ms of the page's time.
        var links = await db.ArticleTerms.AsNoTracking()
            .Where(l => ids.Contains(l.ArticleId) && l.Decision != LinkDecision.Rejected
                && (l.Decision == LinkDecision.Accepted || l.Score >= ArticleTerm.PublicScoreThreshold))
            .Select(l => new { l.ArticleId, l.TermId, l.Score })
            .ToListAsync(cancellationToken);
        var termIds = links.Select(l => l.TermId).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => termIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var regions = links.Where(l => names.ContainsKey(l.TermId)).Select(l => new { l.ArticleId, Name = names[l.TermId], l.Score }).ToLookup(l => l.ArticleId);
        Stories = [.. rows.Select(r => new Row(r.Id, r.Headline, r.Byline, r.Status, r.PublishedAt, r.ModifiedAt, r.Source,
            [.. regions[r.Id].OrderByDescending(l => l.Score).Select(l => l.Name).Take(3)]))];

        RegionOptions = await RegionOptionsAsync(cancellationToken);
        TopicOptions = await Options(db.Terms.Where(t => t.Type == TermType.Topic), Topic, cancellationToken);
        SourceOptions = await db.Sources.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == Source))
            .ToListAsync(cancellationToken);
    }

    public string PageUrl(int page) => Url.Page("/Index", new { area = "Desk", q = Q, status = Status, region = Region, topic = Topic, source = Source, p = page })!;

    /// <summary>
    /// M49 regions, countries, theatres and disputed territories, grouped: the thousands of subdivisions would make the
    /// page hundreds of kilobytes, and a subdivision's stories are found through its country (or by text).
    /// </summary>
    private async Task<List<SelectListItem>> RegionOptionsAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.RetiredAt == null && r.MergedIntoId == null && (r.Kind != RegionKind.Subdivision || r.Id == Region))
            .Select(r => new { r.Id, r.Name, r.Kind })
            .ToListAsync(cancellationToken);
        var groups = new Dictionary<string, SelectListGroup>(StringComparer.Ordinal);
        SelectListGroup Group(string name) => groups.TryGetValue(name, out var g) ? g : groups[name] = new SelectListGroup { Name = name };
        return [.. regions
            .Select(r => (r, Group: r.Kind switch
            {
                RegionKind.Country => (Order: 1, Name: "Countries"),
                RegionKind.Theatre or RegionKind.DisputedTerritory => (Order: 2, Name: "Theatres and disputed territories"),
                RegionKind.Subdivision => (Order: 3, Name: "Subdivisions"),
                _ => (Order: 0, Name: "World regions"),
            }))
            .OrderBy(x => x.Group.Order).ThenBy(x => x.r.Name, StringComparer.CurrentCulture)
            .Select(x => new SelectListItem(x.r.Name, x.r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.r.Id == Region) { Group = Group(x.Group.Name) })];
    }

    private static Task<List<SelectListItem>> Options(IQueryable<Term> terms, int? selected, CancellationToken cancellationToken) =>
        terms.AsNoTracking().Where(t => t.RetiredAt == null && t.MergedIntoId == null).OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Id == selected))
            .ToListAsync(cancellationToken);

    public sealed record Row(int Id, string Headline, string? Byline, ArticleStatus Status, DateTime? PublishedAt, DateTime ModifiedAt, string? SourceName, List<string> Regions);
}
