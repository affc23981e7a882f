using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Reading.Stories;

/// <summary>
/// What the story-list pages (front page, region, topic, tag, author) share: <c>?page=N</c> from 1 (anything else,
/// or a page past the last, is 404) and the <see cref="DateFilter"/> (a bad value is a 400 with the reason shown).
/// </summary>
public abstract class ListingPageModel(SiteClock clock, IOptions<ReadingOptions> options) : PageModel
{
    public StoryPage Stories { get; private set; } = new([], 1, 20, 0);

    public DateFilter Filter { get; private set; } = DateFilter.None;

    public string? FilterError { get; private set; }

    public int PageNumber { get; private set; } = 1;

    protected int PageSize => options.Value.PageSize;

    protected SiteClock Clock => clock;

    /// <summary>Reads ?page and the date filter; false when the page number is not a page.</summary>
    protected bool ReadQuery()
    {
        var query = Request.Query;
        if (query.TryGetValue("page", out var page))
        {
            if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return false;
            }

            PageNumber = number;
        }

        Filter = DateFilter.Parse(query["within"], query["from"], query["to"], out var error);
        FilterError = error;
        return true;
    }

    /// <summary>Runs the list query with the page and filter read; null when the page is past the last one.</summary>
    protected async Task<IActionResult?> LoadAsync(Func<int, int, DateTime?, DateTime?, CancellationToken, Task<StoryPage>> query, DateTime now, CancellationToken cancellationToken)
    {
        var (from, to) = Filter.ToUtc(clock, now);
        Stories = await query(PageNumber, PageSize, from, to, cancellationToken);
        if (PageNumber > Stories.PageCount)
        {
            return NotFound();
        }

        if (FilterError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return null;
    }

    /// <summary>This list's URL at page <paramref name="number"/>, keeping the filter.</summary>
    public string PageUrl(int number)
    {
        var query = Filter.Query().ToList();
        if (number > 1)
        {
            query.Add(new("page", number.ToString(CultureInfo.InvariantCulture)));
        }

        var path = Request.Path.Value ?? "/";
        return query.Count == 0 ? path : QueryHelpers.AddQueryString(path, query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
    }

    /// <summary>The canonical path: the unfiltered list at this page.</summary>
    public string CanonicalPath => (Request.Path.Value ?? "/") + (PageNumber > 1 ? "?page=" + PageNumber.ToString(CultureInfo.InvariantCulture) : "");
}
