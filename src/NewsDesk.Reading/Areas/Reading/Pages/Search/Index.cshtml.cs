using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Search;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Areas.Reading.Pages.Search;

/// <summary>
/// Full-text search: <c>?q=</c> with optional <c>region</c> and <c>topic</c> (slugs), <c>from</c>/<c>to</c> dates,
/// <c>within=week|month</c>, <c>sort=newest</c> and <c>page</c>. An empty or malformed query is a 400 that says why.
/// </summary>
[PublicPage]
public sealed class IndexModel(IArticleSearch search, ReadingTaxonomy taxonomy, StoryCounts counts, StoryQueries stories, SiteClock clock, IOptions<ReadingOptions> options) : PageModel
{
    public string? Query { get; private set; }

    public string? Error { get; private set; }

    public SearchResults? Results { get; private set; }

    public DateFilter Filter { get; private set; } = DateFilter.None;

    public RegionNode? Region { get; private set; }

    public TopicNode? Topic { get; private set; }

    public bool SortByDate { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Results is null ? 1 : Math.Max(1, (Results.Total + options.Value.PageSize - 1) / options.Value.PageSize);

    public Taxonomy Taxonomy { get; private set; } = null!;

    /// <summary>The region filter's choices, grouped by kind: places with stories (a filter that can only find nothing
    /// is no help), and the chosen one.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<RegionNode> Regions)> RegionChoices { get; private set; } = [];

    /// <summary>The topic filter's choices: topics with stories, and the chosen one.</summary>
    public IReadOnlyList<TopicNode> TopicChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var q = Request.Query;
        Query = q["q"].ToString().Trim();
        Taxonomy = await taxonomy.GetAsync(cancellationToken);
        SortByDate = q["sort"] == "newest";
        ViewData[PageMeta.Key] = new PageMeta { Title = string.IsNullOrEmpty(Query) ? "Search" : $"Search: {Query}", CanonicalPath = "/search", NoIndex = true };

        if (q.TryGetValue("page", out var page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1))
        {
            return NotFound();
        }
        else if (page.Count > 0)
        {
            PageNumber = int.Parse(page!, CultureInfo.InvariantCulture);
        }

        Filter = DateFilter.Parse(q["within"], q["from"], q["to"], out var filterError);
        var errors = new List<string>();
        if (filterError is not null)
        {
            errors.Add(filterError);
        }

        if (q["region"].ToString() is { Length: > 0 } regionSlug && (Region = Taxonomy.Region(regionSlug)) is null)
        {
            errors.Add($"There is no region '{regionSlug}'.");
        }

        if (q["topic"].ToString() is { Length: > 0 } topicSlug && (Topic = Taxonomy.Topic(topicSlug)) is null)
        {
            errors.Add($"There is no topic '{topicSlug}'.");
        }

        await LoadChoicesAsync(cancellationToken);

        // A bare /search (the footer link) is a search form, not an error.
        if (!q.ContainsKey("q") && errors.Count == 0)
        {
            return Page();
        }

        if (!SearchQuery.TryParse(Query, out var parsed, out var queryError))
        {
            errors.Insert(0, queryError!);
        }

        if (errors.Count > 0)
        {
            Error = string.Join(" ", errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (from, to) = Filter.ToUtc(clock, stories.Now);
        var size = options.Value.PageSize;
        Results = await search.SearchAsync(
            new SearchRequest(parsed, Region?.Id, Topic?.Id, from, to, SortByDate ? SearchOrder.Newest : SearchOrder.Relevance, (PageNumber - 1) * size, size),
            cancellationToken);
        if (PageNumber > 1 && PageNumber > PageCount)
        {
            return NotFound();
        }

        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var stats = await counts.GetAsync(cancellationToken);
        var regions = Taxonomy.Regions.Where(r => stats.Count(r.Id) > 0 || r.Id == Region?.Id).OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        RegionChoices = [.. new (string Group, Func<RegionNode, bool> Member)[]
        {
            ("World regions", r => r.Kind is RegionKind.World or RegionKind.Continent or RegionKind.Subregion or RegionKind.IntermediateRegion),
            ("Countries", r => r.Kind == RegionKind.Country),
            ("Provinces and states", r => r.Kind == RegionKind.Subdivision),
            ("Theatres and disputed territories", r => r.Kind is RegionKind.Theatre or RegionKind.DisputedTerritory),
        }.Select(g => (g.Group, Regions: (IReadOnlyList<RegionNode>)[.. regions.Where(g.Member)])).Where(g => g.Regions.Count > 0)];
        TopicChoices = [.. Taxonomy.Topics.Where(t => stats.TopicsAllTime.GetValueOrDefault(t.Id) > 0 || t.Id == Topic?.Id)];
    }

    /// <summary>This search at another page, or with another order.</summary>
    public string SearchUrl(int? pageNumber = null, bool? sortByDate = null)
    {
        var query = new List<KeyValuePair<string, string?>> { new("q", Query) };
        if (Region is not null)
        {
            query.Add(new("region", Region.Slug));
        }

        if (Topic is not null)
        {
            query.Add(new("topic", Topic.Slug));
        }

        query.AddRange(Filter.Query().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        if (sortByDate ?? SortByDate)
        {
            query.Add(new("sort", "newest"));
        }

        if ((pageNumber ?? 1) > 1)
        {
            query.Add(new("page", pageNumber!.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString("/search", query);
    }
}
