using Microsoft.AspNetCore.Razor.TagHelpers;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Reading.TagHelpers;

/// <summary>
/// <c>&lt;site-time value="@utc" /&gt;</c> → <c>&lt;time datetime="2021-11-24T07:53:00+00:00"&gt;24 November 2021, 07:53 UTC&lt;/time&gt;</c>,
/// in the site's time zone with the zone shown.
/// </summary>
[HtmlTargetElement("site-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SiteTimeTagHelper(SiteClock clock) : TagHelper
{
    public DateTime Value { get; set; }

    /// <summary>Show the date only (the datetime attribute stays exact).</summary>
    public bool DateOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", clock.Iso(Value));
        output.Content.SetContent(DateOnly ? clock.DisplayDate(Value) : clock.Display(Value));
    }
}
