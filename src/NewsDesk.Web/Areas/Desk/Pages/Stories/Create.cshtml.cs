using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Articles;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Desk.Pages.Stories;

public sealed class CreateModel(StoryDesk desk) : PageModel
{
    [BindProperty]
    public StoryInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await desk.CreateAsync(Input.ToFields(), User.ToActor(), cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var (field, message) in outcome.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        TempData["Flash"] = "Draft created.";
        return Redirect($"/desk/stories/{outcome.Article!.Id}");
    }
}
