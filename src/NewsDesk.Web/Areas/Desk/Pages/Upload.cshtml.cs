using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Sources;
using NewsDesk.Ingest.Pipeline;

namespace NewsDesk.Web.Areas.Desk.Pages;

/// <summary>Files and URLs through the same ingest as the CLI and the feed poller: same formats, safety rules and de-duplication.</summary>
public sealed class UploadModel(IngestService ingest) : PageModel
{
    public IngestSummary? Summary { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, string? url, string? source, CancellationToken cancellationToken)
    {
        files ??= [];
        if (files.Count == 0 && string.IsNullOrWhiteSpace(url))
        {
            TempData["Error"] = "Choose one or more files, or give a URL.";
            return Redirect("/desk/upload");
        }

        var request = new IngestRequest { SourceName = string.IsNullOrWhiteSpace(source) ? null : source.Trim(), Trigger = FeedRunTrigger.Upload };
        var summary = new IngestSummary();
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            summary.Add(await ingest.IngestStreamAsync(Path.GetFileName(file.FileName), stream, request, cancellationToken));
        }

        if (!string.IsNullOrWhiteSpace(url))
        {
            summary.Add(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
                ? await ingest.IngestUrlAsync(address, request, cancellationToken)
                : new IngestSummary { Rejected = { new IngestRejection(url.Trim(), "not an http(s) URL") } });
        }

        Summary = summary;
        return Page();
    }
}
