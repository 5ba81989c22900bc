namespace Rathausplatz.Web;

/// <summary>
/// Anchor for the UI texts. Keys are the German texts themselves (German is the default language),
/// so only <c>Resources/Web/SharedResource.en.resx</c> needs entries.
/// </summary>
public sealed class SharedResource;

/// <summary>Marks a UI text that is passed around now and translated later through the localizer.</summary>
public static class Texts
{
    public static string Key(string german) => german;
}
