/// The sign-in and lock screens' words, in French and English (the catalogue's part for
/// them, kept beside the screens it serves).
public enum SignInText: CaseIterable, Sendable {
    case title, lockedTitle, login, password, hint, lockHint, checking, refused, triesLeft, demoNotice
    case lockedFor, sessionEnded

    public func callAsFunction(_ language: Language) -> String {
        let pair: (fr: String, en: String)
        switch self {
        case .title: pair = ("Connexion", "Sign in")
        case .lockedTitle: pair = ("Écran verrouillé", "Screen locked")
        case .login: pair = ("Identifiant", "Login")
        case .password: pair = ("Mot de passe", "Password")
        case .hint: pair = ("Entrée valider · Tab champ suivant · Échap quitter", "Enter confirm · Tab next field · Esc quit")
        case .lockHint: pair = ("Mot de passe puis Entrée pour reprendre", "Type your password and Enter to resume")
        case .checking: pair = ("Vérification…", "Checking…")
        case .refused: pair = ("Refusé : identifiant ou mot de passe erroné, ou compte verrouillé",
                               "Refused: wrong login or password, or the account is locked")
        case .triesLeft: pair = ("essai(s) restant(s)", "tries left")
        case .demoNotice: pair = ("DÉMO : données fictives, connexion automatique", "DEMO: made-up data, signed in automatically")
        case .lockedFor: pair = ("inactif : verrouillé", "idle: locked")
        case .sessionEnded: pair = ("Session terminée ailleurs (reprise, compte désactivé ou verrouillé)",
                                    "Session ended elsewhere (taken over, account disabled or locked)")
        }
        return language == .fr ? pair.fr : pair.en
    }
}
