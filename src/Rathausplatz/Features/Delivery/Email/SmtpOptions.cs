namespace Rathausplatz.Features.Delivery.Email;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Empty: mails are written as .eml files into <see cref="PickupFolder"/> (development).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>Auto, StartTls, SslOnConnect or None (only for a server on this machine).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@localhost";
    public string PickupFolder { get; set; } = "data/mail";
    /// <summary>DKIM signing of every outgoing mail; off unless domain, selector and key are set.</summary>
    public DkimOptions Dkim { get; set; } = new();
}
