using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Rathausplatz.Web;

/// <summary>
/// Shows a stored UTC time as the town's local time (Europe/Berlin) in the reader's culture:
/// <c>&lt;local-time utc="@job.CreatedAt" /&gt;</c> becomes <c>&lt;time datetime="…Z"&gt;26.11.2026 08:15&lt;/time&gt;</c>.
/// Nothing is rendered for a null time.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper : TagHelper
{
    public DateTime? Utc { get; set; }

    /// <summary>A .NET date format; "t" gives the time alone (a calendar's day already names the date).</summary>
    public string Format { get; set; } = "g";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Utc is not { } value)
        {
            output.SuppressOutput();
            return;
        }
        var utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        output.Content.SetContent(TownTime.ToLocal(utc)!.Value.ToString(Format, CultureInfo.CurrentCulture));
    }
}
