using Rathausplatz.Features.Newsroom.Media;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>A post in one language version with its body already made safe, for the detail page and the back-office preview.</summary>
public sealed record PostView(Post Post, PostContent Content, string BodyHtml)
{
    /// <summary>Images and PDFs; the first image leads the post.</summary>
    public PostMedia Media { get; init; } = PostMedia.None;

    /// <summary>Set on the content when it is not in the page's language, so screen readers switch voice.</summary>
    public string? Lang(string pageLanguage) => Content.Language == pageLanguage ? null : Content.Language == PostLanguages.EasyGerman ? "de" : Content.Language;
}
