using System.ComponentModel.DataAnnotations;
using NewsDesk.Core.Articles;

namespace NewsDesk.Web.Areas.Desk.Pages.Stories;

/// <summary>The story editor's text fields, as posted.</summary>
public sealed class StoryInput
{
    [Required(ErrorMessage = "A headline is required.")]
    [StringLength(Article.MaxHeadlineLength)]
    public string Headline { get; set; } = "";

    [StringLength(Article.MaxStandfirstLength)]
    public string? Standfirst { get; set; }

    [StringLength(Article.MaxSlugLength)]
    public string? Slug { get; set; }

    [StringLength(300)]
    public string? Byline { get; set; }

    [StringLength(300)]
    [Display(Name = "Image credit")]
    public string? ImageCredit { get; set; }

    [StringLength(200)]
    [Display(Name = "Source")]
    public string? SourceName { get; set; }

    [StringLength(2048)]
    [Display(Name = "Original URL")]
    public string? OriginalUrl { get; set; }

    [StringLength(StoryFields.MaxBodyLength)]
    public string? Body { get; set; }

    [StringLength(Article.MaxCorrectionNoteLength)]
    [Display(Name = "Correction note")]
    public string? CorrectionNote { get; set; }

    public StoryFields ToFields() => new(Headline, Standfirst, Slug, Byline, ImageCredit, SourceName, OriginalUrl, Body ?? "", CorrectionNote);

    public static StoryInput From(StoryFields f) => new()
    {
        Headline = f.Headline,
        Standfirst = f.Standfirst,
        Slug = f.Slug,
        Byline = f.Byline,
        ImageCredit = f.ImageCredit,
        SourceName = f.SourceName,
        OriginalUrl = f.OriginalUrl,
        Body = f.Body,
        CorrectionNote = f.CorrectionNote,
    };
}
