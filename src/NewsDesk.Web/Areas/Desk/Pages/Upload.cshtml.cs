using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Sources;
using NewsDesk.Ingest.Pipeline;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Desk.Pages;

/// <summary>Files and URLs through the same ingest as the CLI and the feed poller: same formats, safety rules and de-duplication.</summary>
public sealed class UploadModel(IngestService ingest, NewsDeskDbContext db, TimeProvider time) : PageModel
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

        // Who brought what in: the stories' own audit starts only when someone acts on them in Incoming.
        var inputs = files.Select(f => Path.GetFileName(f.FileName)).Append(string.IsNullOrWhiteSpace(url) ? null : url.Trim()).OfType<string>();
        db.Record(User.ToActor(), time.GetUtcNow().UtcDateTime, "ingest.upload", "upload", null, string.Create(
            CultureInfo.InvariantCulture,
            $"{string.Join(", ", inputs)}: {summary.Added} added, {summary.Updated} updated, {summary.Duplicates} duplicates, {summary.Rejected.Count} rejected"));
        await db.SaveChangesAsync(cancellationToken);
        Summary = summary;
        return Page();
    }
}
