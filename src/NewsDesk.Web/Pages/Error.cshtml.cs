using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsDesk.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status500InternalServerError;

    public string? RequestId { get; private set; }

    /// <summary>Words from the address that was not found ("/regions/south-atlantis" → "south atlantis"), to search for.</summary>
    public string? Suggestion { get; private set; }

    // Status-code pages re-execute this page with the failed request's own method and body: a 405 for a form posted to
    // a public page arrives as a POST. Each method needs its handler, or the page renders without one (as a 500). The
    // code is read from the route, not bound: when the form cannot be read (too large, malformed), MVC binds nothing.
    public void OnPost() => OnGet();

    public void OnPut() => OnGet();

    public void OnDelete() => OnGet();

    public void OnPatch() => OnGet();

    public void OnGet()
    {
        Status = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Status;
        if (IsNotFound && HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } path)
        {
            Suggestion = NewsDesk.Reading.Search.NotFoundSearch.WordsFromPath(path);
        }
    }

    public NewsDesk.Reading.Stories.SearchFormView SearchForm => new("not-found-q", "Search the stories instead", Suggestion);

    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    public bool IsForbidden => Status == StatusCodes.Status403Forbidden;

    public bool IsMethodNotAllowed => Status == StatusCodes.Status405MethodNotAllowed;

    /// <summary>Another 4xx: the request, not the server, is at fault.</summary>
    public bool IsClientError => Status is >= 400 and < 500;
}
