/// The sign-in screen (login, then the password, never shown) and the idle lock (the
/// password only). Pure: keys change the form; the executable checks the password.
public struct SignInForm: Equatable, Sendable {
    public enum Field: Equatable, Sendable { case login, password }
    public enum Purpose: Equatable, Sendable {
        /// Opening a console or the wallboard.
        case signIn
        /// Taking back a console locked after idling: the login is fixed.
        case unlock
    }

    /// What a key asks the runner to do.
    public enum Outcome: Equatable, Sendable {
        case none
        case submit(login: String, password: String)
        case quit
    }

    public var width: Int
    public var height: Int
    public var language: Language
    public var purpose: Purpose
    public var login: String
    public var password = ""
    public var field: Field
    public var message: String?
    public var triesLeft: Int
    public var checking = false
    /// The program and the database, so the operator knows what they sign in to.
    public var subtitle: String

    public static let maximumInput = 256

    public init(width: Int, height: Int, language: Language, purpose: Purpose, login: String = "", triesLeft: Int = 3,
                subtitle: String = "") {
        self.width = width
        self.height = height
        self.language = language
        self.purpose = purpose
        self.login = login
        self.field = purpose == .unlock || !login.isEmpty ? .password : .login
        self.triesLeft = triesLeft
        self.subtitle = subtitle
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape:
            if purpose == .unlock { password = ""; return .none }
            return .quit
        case .control("c"), .control("d"):
            return purpose == .unlock ? .none : .quit
        case .tab, .backTab, .up, .down:
            if purpose == .signIn { field = field == .login ? .password : .login }
        case .enter:
            if field == .login {
                if !login.isEmpty { field = .password }
                return .none
            }
            guard !login.isEmpty, !password.isEmpty else { return .none }
            return .submit(login: login, password: password)
        case .backspace:
            if field == .login { _ = login.popLast() } else { _ = password.popLast() }
        case .control("u"):
            if field == .login { login = "" } else { password = "" }
        case .character(let character):
            // Control characters never reach a field; lengths are bounded.
            guard !character.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) })
            else { return .none }
            if field == .login, login.count < Self.maximumInput {
                login.append(character)
            } else if field == .password, password.count < Self.maximumInput {
                password.append(character)
            }
        default:
            break
        }
        return .none
    }

    /// After a refused attempt: the password is cleared, never the login.
    public mutating func refused() {
        password = ""
        checking = false
        triesLeft -= 1
        message = SignInText.refused(language)
        field = .password
    }
}

/// Draws the form centred; nothing of the console behind it.
public func renderSignIn(_ form: SignInForm) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: max(1, form.width), height: max(1, form.height))
    let width = min(72, form.width - 2)
    guard width >= 24, form.height >= 10 else {
        _ = buffer.write(SignInText.title(form.language), x: 0, y: 0, role: .title, limit: form.width)
        return buffer
    }
    let height = 10
    let rect = Rect(x: (form.width - width) / 2, y: max(0, (form.height - height) / 2), width: width, height: height)
    let title = form.purpose == .unlock ? SignInText.lockedTitle(form.language) : SignInText.title(form.language)
    buffer.box(rect, title: title, focused: true)
    let inner = rect.x + 2
    let limit = width - 4
    _ = buffer.write(form.subtitle, x: inner, y: rect.y + 1, role: .dim, limit: limit)
    let labelWidth = max(SignInText.login(form.language).count, SignInText.password(form.language).count) + 2
    _ = buffer.write(SignInText.login(form.language) + ":", x: inner, y: rect.y + 3, limit: limit)
    _ = buffer.write(form.login, x: inner + labelWidth, y: rect.y + 3,
                     role: form.field == .login ? .input : .normal, limit: limit - labelWidth)
    _ = buffer.write(SignInText.password(form.language) + ":", x: inner, y: rect.y + 4, limit: limit)
    // The password is never drawn, not even as one mark per character.
    _ = buffer.write(form.field == .password ? "_" : "", x: inner + labelWidth, y: rect.y + 4,
                     role: form.field == .password ? .input : .normal, limit: limit - labelWidth)
    if form.checking {
        _ = buffer.write(SignInText.checking(form.language), x: inner, y: rect.y + 6, role: .dim, limit: limit)
    } else if let message = form.message {
        _ = buffer.write(message, x: inner, y: rect.y + 6, role: .warning, limit: limit)
        if form.purpose == .signIn {
            _ = buffer.write("\(form.triesLeft) \(SignInText.triesLeft(form.language))", x: inner, y: rect.y + 7,
                             role: .warning, limit: limit)
        }
    }
    let hint = form.purpose == .unlock ? SignInText.lockHint(form.language) : SignInText.hint(form.language)
    _ = buffer.write(hint, x: inner, y: rect.y + 8, role: .keyHint, limit: limit)
    return buffer
}
