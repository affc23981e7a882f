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

        if (Region is { } regionId)
        {
            // A region includes everything under it: Asia finds stories about Japan.
            var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(cancellationToken) ?? "-";
            query = query.Where(a => a.Terms.Any(l => l.Decision != LinkDecision.Rejected && db.Regions.Any(r => r.Id == l.TermId && r.Path.StartsWith(path))));
        }

        if (Topic is { } topicId)
        {
            query = query.Where(a => a.Terms.Any(l => l.TermId == topicId && l.Decision != LinkDecision.Rejected));
        }

        if (Source is { } sourceId)
        {
            query = query.Where(a => a.SourceId == sourceId);
        }

        Total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(a => a.ModifiedAt).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Headline, a.Byline, a.Status, a.PublishedAt, a.ModifiedAt, Source = a.SourceName ?? (a.Source == null ? null : a.Source.Name) })
            .ToListAsync(cancellationToken);
        // The page's regions in a second query keyed by the 50 ids: a per-row subquery would rank every link in the store.
        var ids = rows.Select(r => r.Id).ToList();
        var regions = (await db.ArticleTerms.AsNoTracking()
            .Where(l => ids.Contains(l.ArticleId) && l.Term.Type == TermType.Region && l.Decision != LinkDecision.Rejected
                && (l.Decision == LinkDecision.Accepted || l.Score >= ArticleTerm.PublicScoreThreshold))
            .Select(l => new { l.ArticleId, l.Term.Name, l.Score })
            .ToListAsync(cancellationToken))
            .ToLookup(l => l.ArticleId);
        Stories = [.. rows.Select(r => new Row(r.Id, r.Headline, r.Byline, r.Status, r.PublishedAt, r.ModifiedAt, r.Source,
            [.. regions[r.Id].OrderByDescending(l => l.Score).Select(l => l.Name).Take(3)]))];

        RegionOptions = await Options(db.Terms.Where(t => t.Type == TermType.Region), Region, cancellationToken);
        TopicOptions = await Options(db.Terms.Where(t => t.Type == TermType.Topic), Topic, cancellationToken);
        SourceOptions = await db.Sources.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Id == Source))
            .ToListAsync(cancellationToken);
    }

    public string PageUrl(int page) => Url.Page("/Index", new { area = "Desk", q = Q, status = Status, region = Region, topic = Topic, source = Source, p = page })!;

    private static Task<List<SelectListItem>> Options(IQueryable<Term> terms, int? selected, CancellationToken cancellationToken) =>
        terms.AsNoTracking().Where(t => t.RetiredAt == null && t.MergedIntoId == null).OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Id == selected))
            .ToListAsync(cancellationToken);

    public sealed record Row(int Id, string Headline, string? Byline, ArticleStatus Status, DateTime? PublishedAt, DateTime ModifiedAt, string? SourceName, List<string> Regions);
}
