using System.Diagnostics;
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

    public void OnGet(int? code)
    {
        Status = code ?? StatusCodes.Status500InternalServerError;
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
}
