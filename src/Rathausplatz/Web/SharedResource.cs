namespace Rathausplatz.Web;

/// <summary>
/// Anchor for the UI texts. Keys are the German texts themselves (German is the default language),
/// so only <c>Resources/Web/SharedResource.en.resx</c> needs entries.
/// </summary>
public sealed class SharedResource;
