using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.NoticeDigest;

namespace Rathausplatz.Features.Organizations;

/// <summary>The settings an organisation admin edits for their own municipality.</summary>
public sealed class OrganizationSettings
{
    [Required(ErrorMessage = "Bitte geben Sie einen Namen an.")]
    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail für Anfragen")]
    public string? ContactEmail { get; set; }

    [StringLength(50, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Telefon")]
    public string? ContactPhone { get; set; }

    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Anschrift")]
    public string? ContactAddress { get; set; }

    [BrandColor(ErrorMessage = "Bitte wählen Sie eine der angebotenen Farben.")]
    [Display(Name = "Akzentfarbe")]
    public string AccentColor { get; set; } = BrandColors.Default;

    [StringLength(50_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Impressum")]
    public string? Imprint { get; set; }

    [StringLength(100_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Datenschutzerklärung")]
    public string? PrivacyPolicy { get; set; }

    [StringLength(50_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Erklärung zur Barrierefreiheit")]
    public string? AccessibilityStatement { get; set; }

    [StringLength(50_000, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Netiquette")]
    public string? Netiquette { get; set; }

    public static OrganizationSettings From(Organization o) => new()
    {
        Name = o.Name,
        ContactEmail = o.ContactEmail,
        ContactPhone = o.ContactPhone,
        ContactAddress = o.ContactAddress,
        AccentColor = o.AccentColor,
        Imprint = o.Imprint,
        PrivacyPolicy = o.PrivacyPolicy,
        AccessibilityStatement = o.AccessibilityStatement,
        Netiquette = o.Netiquette,
    };
}

/// <summary>Accepts only a colour of <see cref="BrandColors"/>: other colours are not checked for contrast.</summary>
public sealed class BrandColorAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is string color && BrandColors.All.ContainsKey(color);
}

public enum LogoProblem { None, TooLarge, NotAnImage }

/// <summary>Creating municipalities (platform admins) and changing their settings (organisation admins).</summary>
public sealed partial class ManageOrganizations(AppDb db, OrganizationDirectory directory, TimeProvider time, NoticeDigests noticeDigests)
{
    public const int MaxLogoBytes = 512 * 1024;

    public async Task UpdateAsync(Guid organizationId, OrganizationSettings settings, CancellationToken ct)
    {
        var org = await db.Set<Organization>().Include(o => o.Hosts).SingleAsync(o => o.Id == organizationId, ct);
        org.Name = settings.Name.Trim();
        org.ContactEmail = Blank(settings.ContactEmail);
        org.ContactPhone = Blank(settings.ContactPhone);
        org.ContactAddress = Blank(settings.ContactAddress);
        org.AccentColor = BrandColors.All.ContainsKey(settings.AccentColor) ? settings.AccentColor : BrandColors.Default;
        org.Imprint = settings.Imprint ?? "";
        org.PrivacyPolicy = settings.PrivacyPolicy ?? "";
        org.AccessibilityStatement = settings.AccessibilityStatement ?? "";
        org.Netiquette = settings.Netiquette ?? "";
        org.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        directory.Forget(org.Hosts.Select(h => h.HostName));
    }

    /// <summary>Checks the file's first bytes, not its name or the browser's word, before storing it.</summary>
    public async Task<LogoProblem> SetLogoAsync(Guid organizationId, Stream content, long length, CancellationToken ct)
    {
        if (length > MaxLogoBytes)
            return LogoProblem.TooLarge;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length > MaxLogoBytes)
            return LogoProblem.TooLarge;
        var contentType = ImageType(bytes);
        if (contentType is null)
            return LogoProblem.NotAnImage;
        var org = await db.Set<Organization>().Include(o => o.Hosts).SingleAsync(o => o.Id == organizationId, ct);
        org.Logo = bytes;
        org.LogoContentType = contentType;
        await db.SaveChangesAsync(ct);
        directory.Forget(org.Hosts.Select(h => h.HostName));
        return LogoProblem.None;
    }

    public async Task<(Organization? Created, string? Problem)> CreateAsync(string name, string slug, string hostName, CancellationToken ct)
    {
        slug = slug.Trim().ToLowerInvariant();
        if (!SlugPattern().IsMatch(slug))
            return (null, Texts.Key("Die Kurzbezeichnung darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten."));
        if (ChangeHostNames.Normalize(hostName) is not { } normalizedHost)
            return (null, Texts.Key("Der Hostname ist ungültig."));
        hostName = normalizedHost;
        if (await db.Set<Organization>().AnyAsync(o => o.Slug == slug, ct))
            return (null, Texts.Key("Diese Kurzbezeichnung ist schon vergeben."));
        if (await db.Set<OrganizationHost>().AnyAsync(h => h.HostName == hostName, ct))
            return (null, Texts.Key("Dieser Hostname gehört schon zu einer Kommune."));

        var now = time.GetUtcNow().UtcDateTime;
        var org = new Organization { Name = name.Trim(), Slug = slug, CreatedAt = now, UpdatedAt = now };
        org.Hosts.Add(new OrganizationHost { HostName = hostName });
        db.Add(org);
        await db.SaveChangesAsync(ct);
        directory.Forget([hostName]);
        // Its staff's notices go out by mail from the first digest moment on (start-up would start the chain only later).
        await noticeDigests.StartAsync(org.Id, ct);
        return (org, null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? ImageType(byte[] b) => b switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex SlugPattern();
}
