using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;

namespace NewsDesk.Reading.Areas.Reading.Pages.Topics;

[PublicPage]
public sealed class IndexModel(ReadingTaxonomy taxonomy, StoryCounts counts) : PageModel
{
    public IReadOnlyList<(TopicNode Topic, int Count)> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await taxonomy.GetAsync(cancellationToken);
        var stats = await counts.GetAsync(cancellationToken);
        Topics = [.. snapshot.Topics.Select(t => (t, stats.TopicsAllTime.GetValueOrDefault(t.Id)))];
        ViewData[PageMeta.Key] = new PageMeta { Title = "Topics", Description = "Stories by security topic.", CanonicalPath = "/topics" };
    }
}
