using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;
using NewsDesk.Reading.Terms;

namespace NewsDesk.Reading.Areas.Reading.Pages.Topics;

[PublicPage]
public sealed class ShowModel(StoryQueries stories, ReadingTaxonomy taxonomy, SlugResolver slugs, SiteClock clock, IOptions<ReadingOptions> options)
    : ListingPageModel(clock, options)
{
    public TermListingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var snapshot = await taxonomy.GetAsync(cancellationToken);
        if (snapshot.Topic(slug) is not { } topic)
        {
            var moved = await slugs.TermAsync(TermType.Topic, slug.ToLowerInvariant(), cancellationToken)
                ?? snapshot.Topic(slug.ToLowerInvariant())?.Slug;
            return moved is null ? NotFound() : RedirectPermanent("/topics/" + moved + Request.QueryString);
        }

        if (!ReadQuery())
        {
            return NotFound();
        }

        int[] ids = [topic.Id];
        if (await LoadAsync((page, size, from, to, ct) => stories.FiledUnderAsync(ids, page, size, from, to, ct), stories.Now, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var featured = PageNumber == 1 && !Filter.IsActive ? await stories.FeaturedAsync(topic.Id, cancellationToken) : [];
        View = new TermListingView(this, "Topic", topic.Name, topic.Description, topic.Url + "/feed.xml", featured);
        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = PageNumber > 1 ? $"{topic.Name}, page {PageNumber}" : topic.Name,
            Description = topic.Description ?? $"Stories on {topic.Name}, newest first.",
            CanonicalPath = CanonicalPath,
            // An empty list is thin content: out of search engines (and the sitemap) until a story is filed here.
            NoIndex = Filter.IsActive || (Stories.Total == 0 && featured.Count == 0),
            Feeds = FeedLink.Both(topic.Name, topic.Url + "/"),
        };
        return Page();
    }
}
