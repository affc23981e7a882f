using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Accounts;
using NewsDesk.Web.Desk;

namespace NewsDesk.Web.Areas.Desk.Pages;

public sealed class UploadModel(UploadIntake intake) : PageModel
{
    public UploadSummary? Summary { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, string? url, CancellationToken cancellationToken)
    {
        files ??= [];
        if (files.Count == 0 && string.IsNullOrWhiteSpace(url))
        {
            TempData["Error"] = "Choose one or more files, or give a URL.";
            return Redirect("/desk/upload");
        }

        Summary = await intake.IngestAsync(files, url, User.ToActor(), cancellationToken);
        return Page();
    }
}
