import SecretaryCore
/// Every string of the interface, in French and English: one catalogue, so a screen never
/// mixes languages and a translation is added in one place.
public enum Text: String, CaseIterable, Sendable {
    case paneQueue, paneLookup, paneInstructions, paneAgenda
    case actionAnswer, actionEndCall, actionPickClient, actionPause, actionNextPane, actionPreviousPane
    case actionHelp, actionRedraw, actionQuit, actionCancel, actionUp, actionDown, actionFollowClient
    case actionSearchName, actionNewContact, actionOpenContact, actionFindText, actionFindNext, actionFindPrevious
    case actionScrollUp, actionScrollDown, actionPageUp, actionPageDown, actionTop
    case actionSlotUp, actionSlotDown, actionDayLeft, actionDayRight, actionPreviousWeek, actionNextWeek, actionToday
    case presenceAvailable, presenceOnCall, presenceWrapUp, presencePaused, presenceOffline
    case wallboardTitle, wallboardLoading, wallboardWaitingNow, wallboardLongestWait, wallboardOperatorsNow
    case wallboardClientsToday, wallboardServiceWithin, wallboardAllClients, wallboardMoreClients, wallboardOperators
    case wallboardMoreOperators, wallboardNoOperator
    case wallboardBoard, wallboardBoardTitle, wallboardBoardEmpty, wallboardBoardNobody, wallboardResent, actionBoard, actionResend
    case wallboardLegendOffered, wallboardLegendClosed, wallboardLegendAbandoned, wallboardLegendService, wallboardLegendAverages
    case columnClient, columnOffered, columnAnswered, columnAbandoned, columnClosed, columnWaiting, columnService
    case columnAverageWait, columnAverageTalk, columnOperator, columnState, columnSince, columnHandled
    case queueOwnWrapUp, callerHungUp, callFinishedElsewhere
    case queueEmpty, queueOwnCall, unknownCaller, withheldNumber, urgentMarker
    case lookupIdle, lookupUnknownHint, lookupSearchPrompt, lookupNoMatch, lookupMoreMatches, lookupBlacklisted, hintConfirm, hintCancel
    case historyCalls, historyMessages, historyAppointmentsUpcoming, historyAppointmentsPast, historyNone
    case labelNumbers, labelEmail, labelNotes
    case instructionsNone, instructionsVersion, instructionsFindPrompt, instructionsNotFound
    case sectionGreeting, sectionPresentation, sectionServices, sectionAppointments, sectionHours
    case sectionUrgent, sectionTransfer, sectionFaq, sectionNever, sectionNotes
    case agendaNone, agendaClosed, agendaHoliday, agendaWeek
    case noClient, helpTitle, helpGlobal, helpClose, quitConfirm, tooSmall, trainingData
    case deliveryEmail, deliverySMS, deliveryQueued, deliverySending, deliverySent, deliveryFailed, deliveryCancelled
    case noWaitingCall, callAnswered, alreadyOnCall, pickClientTitle, pickClientFilter
    case newContactTitle, newContactLastName, newContactFirstName, newContactPhone, newContactSave, contactSaved
    case endCallTitle, endCallNote, callFinished, noCurrentCall, nowPaused, nowAvailable, pausedCannotAnswer
    case outcomeBooked, outcomeMoved, outcomeCancelled, outcomeMessage, outcomeInformation, outcomeTransferred, outcomeEmergency
    case actionBookOrShow, actionNextFreeSlot, actionMoveAppointment, actionCancelAppointment, actionNoShow, actionWaitlist
    case actionGoToDate, actionNextAgenda, actionChooseType
    case agendaLoading, agendaAway, agendaFree, agendaMoving, agendaMovingHint, agendaTypeForF
    case agendaBooked, agendaMoved, agendaCancelled, agendaNoShowMarked, agendaWaitlisted, agendaNoFreeSlot, agendaFreeSlotFound
    case agendaSlotClosed, agendaSlotPast, agendaNoAppointment, agendaOnlyBooked, agendaNoTypes, agendaNoCaller
    case agendaFinishMove, agendaMoveCancelled, agendaAlreadyNoShow
    case bookingTitle, bookingChooseType, bookingDoesNotFit, bookingNoteHint, bookingTypeHint, bookingContactHint
    case detailsTitle, detailsWho, detailsType, detailsWhen, detailsNote, detailsBookedBy, detailsStatus, detailsKeys
    case statusBooked, statusCancelled, statusNoShow
    case cancelTitle, cancelReason, cancelHint, cancelNeedsReason, cancelConfirm, noShowTitle, noShowConfirm
    case offersTitle, offersFreed, offersHint, waitlistTitle, waitlistAnyType, waitlistPreferences, waitlistPreferencesHint
    case waitlistTypeHint, goToPrompt, goToInvalid
    // Messages, the advice guard, emergency triage, instructions history.
    case actionNewMessage, actionMedicalQuestion, actionEmergency, actionClientMessages, actionInstructionsHistory
    case messageTitle, medicalQuestionTitle, messageCallerName, messageCallback, messageReason, messageUrgency
    case messageText, messageQuestion, messageNormal, messageUrgent, messageFormKeys, medicalQuestionKeys
    case medicalQuestionHint, messageSaved, urgentMessageSaved, medicalQuestionSaved, notMedicalClient
    case adviceRefused, adviceRule, adviceRephrase, adviceDosage, adviceTreatment, adviceDiagnosis, adviceReassurance, adviceCare, adviceWaiting
    case adviceScriptTitle
    case emergencyTitle, emergencyHeard, emergencyNoCall, emergencyReported
    case messagesTitle, messagesNone, messagesLoading, messagesKeys
    case statusNew, statusTransmitted, statusAcknowledged, tagMedicalQuestion, tagEmergency
    case historyTitle, historyInForce, historyScheduled, historyFirst, historyNoChange, historyKeys, historySince
    case changeAdded, changeRemoved, changeChanged
    // Issue 13: the caller and the looked-up, emergency offers, drafts, text fields, help, the status line.
    case actionIdentifyCaller, actionBackToCaller, actionConfirmEmergency, actionNotAnEmergency, actionBottom
    case actionCaretLeft, actionCaretRight, actionCaretStart, actionCaretEnd
    case actionDeleteBackward, actionDeleteForward, actionDeleteWord, actionClearField
    case cardCaller, cardLookedUp, cardCandidate, callerIdentified, notDuringACall, alreadyTheCaller
    case emergencyOffer, helpTextFields, helpScrollHint, statusDone, waitingCount, newCallArrived, endCallChangeOutcome
    // The wallboard's reports screen.
    case actionReports, actionPreviousPeriod, actionNextPeriod, actionSpanDay, actionSpanWeek, actionSpanMonth
    case actionNextClient, actionPreviousClient
    case reportsTitle, reportsLoading, reportsAllClients, reportsSpanDay, reportsSpanWeek, reportsSpanMonth
    case reportsASA, reportsP90, reportsWrapUp, reportsNoCalls, reportsBusiestHours
    case reportsPlans, reportsInProgress, reportsCallsOverPlan, reportsOverPlan
    // Call-backs, the message list's keys, the agenda's lists.
    case actionCallbacks, actionTakeCallback, actionReleaseCallback, actionClose
    case callbackOutcomeReached, callbackOutcomeNoAnswer, callbackOutcomeVoicemail, callbackOutcomeCalledAgain
    case callbacksTitle, callbacksNone, callbackTakeFirst, callbackTaken, callbackBackOnList, callbackReleased, callbackDone
    case callbackDial, callbackDialThen, callbackMissed, callbackTakenByYou, callbackTakenBy
    case columnCallbacks, wallboardCallbacksWaiting
    case actionMarkTransmitted, actionAcknowledge, actionUndoTransmitted
    case actionAbsences, actionShowWaitingList, actionAddAbsence
    case absencesTitle, absencesNone, absenceNewTitle, absenceFrom, absenceTo, absenceReason, absenceFormHint
    case absenceBadTime, absenceEndBeforeStart, absenceNeedsReason, absenceAdded, absenceToMove
    case waitingListTitle, waitingListNone, waitingListAnyTime, waitingListSince
    case waitlistBadPreferences, agendaPast
    case callWaiting, callStatusAnswered, callOnHold, callTransferred, callWrapUp, callDone, callAbandoned, callClosed

    public func callAsFunction(_ language: Language) -> String {
        let pair = Text.table[self] ?? (rawValue, rawValue)
        return language == .fr ? pair.fr : pair.en
    }

    static let table: [Text: (fr: String, en: String)] = [
        .paneQueue: ("Appels en attente", "Call queue"),
        .paneLookup: ("Appelant", "Caller"),
        .paneInstructions: ("Consignes", "Instructions"),
        .paneAgenda: ("Agenda", "Agenda"),
        .actionAnswer: ("Répondre", "Answer"),
        .actionEndCall: ("Fin d'appel", "End call"),
        .actionPickClient: ("Client", "Client"),
        .actionPause: ("Pause / disponible", "Pause / available"),
        .actionNextPane: ("Panneau suivant", "Next pane"),
        .actionPreviousPane: ("Panneau précédent", "Previous pane"),
        .actionHelp: ("Aide", "Help"),
        .actionRedraw: ("Redessiner l'écran", "Redraw the screen"),
        .actionQuit: ("Quitter", "Quit"),
        .actionCancel: ("Annuler, fermer", "Cancel, close"),
        .actionUp: ("Monter", "Up"),
        .actionDown: ("Descendre", "Down"),
        .actionFollowClient: ("Suivre ce client", "Follow this client"),
        .actionSearchName: ("Chercher un nom", "Search a name"),
        .actionNewContact: ("Nouvelle fiche", "New contact"),
        .actionOpenContact: ("Ouvrir la fiche", "Open the contact"),
        .actionFindText: ("Chercher", "Find"),
        .actionFindNext: ("Suivant", "Next match"),
        .actionFindPrevious: ("Précédent", "Previous match"),
        .actionScrollUp: ("Défiler vers le haut", "Scroll up"),
        .actionScrollDown: ("Défiler vers le bas", "Scroll down"),
        .actionPageUp: ("Page précédente", "Page up"),
        .actionPageDown: ("Page suivante", "Page down"),
        .actionTop: ("Début", "Top"),
        .actionSlotUp: ("Créneau précédent", "Previous slot"),
        .actionSlotDown: ("Créneau suivant", "Next slot"),
        .actionDayLeft: ("Jour précédent", "Previous day"),
        .actionDayRight: ("Jour suivant", "Next day"),
        .actionPreviousWeek: ("Semaine préc.", "Prev. week"),
        .actionNextWeek: ("Semaine suiv.", "Next week"),
        .actionToday: ("Aujourd'hui", "Today"),
        .presenceAvailable: ("disponible", "available"),
        .presenceOnCall: ("en ligne", "on a call"),
        .presenceWrapUp: ("fin d'appel", "wrap-up"),
        .presencePaused: ("en pause", "paused"),
        .presenceOffline: ("hors ligne", "offline"),
        .wallboardTitle: ("Supervision", "Supervision"),
        .wallboardLoading: ("Chargement des chiffres…", "Loading the figures…"),
        .wallboardWaitingNow: ("En attente : ", "Waiting now: "),
        .wallboardLongestWait: ("Attente la plus longue : ", "Longest wait: "),
        .wallboardOperatorsNow: ("Opérateurs : ", "Operators: "),
        .wallboardClientsToday: ("Clients aujourd'hui", "Clients today"),
        .wallboardServiceWithin: ("service = répondus en", "service = answered within"),
        .wallboardAllClients: ("Tous les clients", "All clients"),
        .wallboardMoreClients: ("autres clients (agrandir le terminal)", "more clients (make the terminal taller)"),
        .wallboardOperators: ("Opérateurs", "Operators"),
        .wallboardMoreOperators: ("autres opérateurs", "more operators"),
        .wallboardNoOperator: ("Aucun opérateur.", "No operator."),
        .wallboardBoard: ("Non transmis : ", "Not delivered: "),
        .wallboardBoardTitle: ("Messages non transmis — appeler le client", "Messages not delivered — phone the client"),
        .wallboardBoardEmpty: ("Rien en souffrance : tout est parti ou a été lu.", "Nothing pending: everything went out or was read."),
        .wallboardBoardNobody: ("personne d'astreinte n'a accusé réception", "nobody on call acknowledged it"),
        .wallboardResent: ("Renvoyé : message ", "Sent again: message "),
        .actionBoard: ("Non transmis", "Board"),
        .actionResend: ("Renvoyer", "Resend"),
        .wallboardLegendOffered: ("Reçus : appels arrivés pendant les heures d'ouverture du client",
                                  "Offered: calls that arrived in the client's opening hours"),
        .wallboardLegendClosed: ("Fermés : arrivés hors horaires, notés, jamais présentés",
                                 "Closed: arrived outside opening hours, logged, never offered"),
        .wallboardLegendAbandoned: ("Perdus : l'appelant a raccroché avant qu'on lui réponde",
                                    "Abandoned: the caller hung up before being answered"),
        .wallboardLegendService: ("Service : part des appels répondus dans le délai (en titre)",
                                  "Service: share of calls answered within the time in the title"),
        .wallboardLegendAverages: ("Att. moy. / Conv. moy. : attente et conversation moyennes",
                                   "Avg wait / Avg talk: mean wait and mean conversation"),
        .columnClient: ("Client", "Client"),
        .columnOffered: ("Reçus", "Offered"),
        .columnAnswered: ("Répondus", "Answered"),
        .columnAbandoned: ("Perdus", "Abandoned"),
        .columnClosed: ("Fermés", "Closed"),
        .columnWaiting: ("En att.", "Waiting"),
        .columnService: ("Service", "Service"),
        .columnAverageWait: ("Att. moy.", "Avg wait"),
        .columnAverageTalk: ("Conv. moy.", "Avg talk"),
        .columnOperator: ("Opérateur", "Operator"),
        .columnState: ("État", "State"),
        .columnSince: ("Depuis", "Since"),
        .columnHandled: ("Appels du jour", "Calls today"),
        .queueOwnWrapUp: ("FIN D'APPEL", "WRAP-UP"),
        .callerHungUp: ("L'appelant a raccroché : e pour terminer l'appel.", "The caller hung up: e to finish the call."),
        .callFinishedElsewhere: ("Appel terminé depuis un autre poste.", "Call finished from another terminal."),
        .queueEmpty: ("Aucun appel en attente.", "No call waiting."),
        .queueOwnCall: ("EN LIGNE", "ON CALL"),
        .unknownCaller: ("inconnu", "unknown"),
        .withheldNumber: ("numéro masqué", "withheld number"),
        .urgentMarker: ("URGENT", "URGENT"),
        .lookupIdle: ("Pas d'appel en cours. / pour chercher un nom.", "No call in progress. / to search a name."),
        .lookupUnknownHint: ("Appelant inconnu — n pour créer la fiche", "Unknown caller — n to create a contact"),
        .lookupSearchPrompt: ("Nom : ", "Name: "),
        .lookupNoMatch: ("Aucune fiche ne correspond.", "No contact matches."),
        .hintConfirm: ("valider", "confirm"),
        .hintCancel: ("annuler", "cancel"),
        .lookupMoreMatches: ("D'autres fiches correspondent : précisez le nom.", "More contacts match: type more of the name."),
        .lookupBlacklisted: ("LISTE NOIRE : aucun rendez-vous", "BLACKLISTED: no appointment"),
        .historyCalls: ("Appels", "Calls"),
        .historyMessages: ("Messages", "Messages"),
        .historyAppointmentsUpcoming: ("Rendez-vous à venir", "Upcoming appointments"),
        .historyAppointmentsPast: ("Rendez-vous passés", "Past appointments"),
        .historyNone: ("aucun", "none"),
        .labelNumbers: ("Tél.", "Phone"),
        .labelEmail: ("E-mail", "Email"),
        .labelNotes: ("Notes", "Notes"),
        .instructionsNone: ("Pas de consignes pour ce client.", "No instructions for this client."),
        .instructionsVersion: ("version", "version"),
        .instructionsFindPrompt: ("Chercher : ", "Find: "),
        .instructionsNotFound: ("Introuvable : ", "Not found: "),
        .sectionGreeting: ("Accueil", "Greeting"),
        .sectionPresentation: ("Présentation", "Presentation"),
        .sectionServices: ("Prestations", "Services"),
        .sectionAppointments: ("Types de rendez-vous", "Appointment types"),
        .sectionHours: ("Horaires", "Hours"),
        .sectionUrgent: ("Urgences", "Urgent calls"),
        .sectionTransfer: ("Transferts", "Transfers"),
        .sectionFaq: ("Questions fréquentes", "FAQ"),
        .sectionNever: ("À ne jamais dire ni faire", "Never say or do"),
        .sectionNotes: ("Notes", "Notes"),
        .agendaNone: ("Choisissez un client (c) ou répondez à un appel (a).", "Pick a client (c) or answer a call (a)."),
        .agendaClosed: ("fermé", "closed"),
        .agendaHoliday: ("férié", "holiday"),
        .agendaWeek: ("semaine", "week"),
        .noClient: ("aucun client", "no client"),
        .helpTitle: ("Aide — touches", "Help — keys"),
        .helpGlobal: ("Partout", "Everywhere"),
        .trainingData: ("DÉMO", "DEMO"),
        .deliveryEmail: ("e-mail", "email"),
        .deliverySMS: ("SMS", "sms"),
        .deliveryQueued: ("en attente", "queued"),
        .deliverySending: ("en cours d'envoi", "sending"),
        .deliverySent: ("envoyé", "sent"),
        .deliveryFailed: ("échec", "failed"),
        .deliveryCancelled: ("annulé", "cancelled"),
        .helpClose: ("Échap ou ? pour fermer", "Esc or ? to close"),
        .quitConfirm: ("Un appel est en cours. Quitter quand même ? (o/n)", "A call is in progress. Quit anyway? (y/n)"),
        .tooSmall: ("Terminal trop petit", "Terminal too small"),
        .noWaitingCall: ("Aucun appel en attente.", "No call waiting."),
        .callAnswered: ("Appel décroché", "Call answered"),
        .alreadyOnCall: ("Terminez d'abord l'appel en cours (e).", "Finish the current call first (e)."),
        .pickClientTitle: ("Choisir un client", "Pick a client"),
        .pickClientFilter: ("Filtre : ", "Filter: "),
        .newContactTitle: ("Nouvelle fiche", "New contact"),
        .newContactLastName: ("Nom", "Last name"),
        .newContactFirstName: ("Prénom", "First name"),
        .newContactPhone: ("Téléphone", "Phone"),
        .newContactSave: ("Entrée : enregistrer · Tab : champ suivant · Échap : annuler",
                          "Enter: save · Tab: next field · Esc: cancel"),
        .contactSaved: ("Fiche enregistrée", "Contact saved"),
        .endCallTitle: ("Fin d'appel — issue", "End of call — outcome"),
        .endCallNote: ("Note : ", "Note: "),
        .callFinished: ("Appel terminé", "Call finished"),
        .noCurrentCall: ("Pas d'appel en cours.", "No call in progress."),
        .nowPaused: ("Vous êtes en pause.", "You are paused."),
        .nowAvailable: ("Vous êtes disponible.", "You are available."),
        .pausedCannotAnswer: ("En pause : p pour redevenir disponible.", "Paused: p to become available."),
        .outcomeBooked: ("RDV pris", "Booked"),
        .outcomeMoved: ("RDV déplacé", "Moved"),
        .outcomeCancelled: ("RDV annulé", "Cancelled"),
        .outcomeMessage: ("Message pris", "Message taken"),
        .outcomeInformation: ("Renseignement", "Information"),
        .outcomeTransferred: ("Transféré", "Transferred"),
        .outcomeEmergency: ("Urgence", "Emergency"),
        .actionBookOrShow: ("Réserver / voir", "Book / show"),
        .actionNextFreeSlot: ("Créneau libre", "Next free slot"),
        .actionMoveAppointment: ("Déplacer", "Move"),
        .actionCancelAppointment: ("Annuler le RDV", "Cancel appt."),
        .actionNoShow: ("Patient non venu", "No-show"),
        .actionWaitlist: ("Liste d'attente", "Waiting list"),
        .actionGoToDate: ("Aller à", "Go to date"),
        .actionNextAgenda: ("Agenda suivant (un seul : panneau suivant)", "Next agenda (only one: next pane)"),
        .actionChooseType: ("Type cherché par f", "Type f looks for"),
        .agendaLoading: ("Chargement…", "Loading…"),
        .agendaAway: ("absent", "away"),
        .agendaFree: ("libre", "free"),
        .agendaMoving: ("Déplacement de ", "Moving "),
        .agendaMovingHint: (" : Entrée le met ici, Échap annule", ": Enter moves it here, Esc cancels"),
        .agendaTypeForF: ("f : ", "f: "),
        .agendaBooked: ("RDV pris : ", "Booked: "),
        .agendaMoved: ("RDV déplacé : ", "Moved: "),
        .agendaCancelled: ("RDV annulé : ", "Cancelled: "),
        .agendaNoShowMarked: ("Non venu noté : ", "No-show recorded: "),
        .agendaWaitlisted: ("Sur la liste d'attente : ", "On the waiting list: "),
        .agendaNoFreeSlot: ("Aucun créneau libre dans l'année pour ", "No free slot within a year for "),
        .agendaFreeSlotFound: ("Créneau libre : ", "Free slot: "),
        .agendaSlotClosed: ("Ce créneau est fermé.", "This slot is closed."),
        .agendaSlotPast: ("Ce créneau est passé.", "This slot is in the past."),
        .agendaNoAppointment: ("Pas de rendez-vous sous le curseur.", "No appointment under the cursor."),
        .agendaOnlyBooked: ("Ce rendez-vous n'est plus actif.", "This appointment is no longer booked."),
        .agendaNoTypes: ("Ce client n'a aucun type de rendez-vous.", "This client has no appointment type."),
        .agendaNoCaller: ("Pas d'appelant : ouvrez d'abord sa fiche (2 puis /).", "No caller: open the contact first (2, then /)."),
        .agendaFinishMove: ("Terminez le déplacement : Entrée ou Échap.", "Finish the move first: Enter or Esc."),
        .agendaMoveCancelled: ("Déplacement annulé.", "Move cancelled."),
        .agendaAlreadyNoShow: ("Déjà noté non venu.", "Already recorded as a no-show."),
        .bookingTitle: ("Prendre un rendez-vous", "Book an appointment"),
        .bookingChooseType: ("Type (1–9, ou ↑↓ et Entrée) :", "Type (1–9, or ↑↓ and Enter):"),
        .bookingDoesNotFit: ("ne tient pas ici", "does not fit here"),
        .bookingNoteHint: ("Entrée : réserver · Échap : retour au type", "Enter: book · Esc: back to the type"),
        .bookingTypeHint: ("/ : autre patient · Échap : annuler", "/: another contact · Esc: cancel"),
        .bookingContactHint: ("Tapez un nom · ↑↓ · Entrée : choisir · Échap : annuler",
                              "Type a name · ↑↓ · Enter: choose · Esc: cancel"),
        .detailsTitle: ("Rendez-vous", "Appointment"),
        .detailsWho: ("Patient", "Contact"),
        .detailsType: ("Type", "Type"),
        .detailsWhen: ("Quand", "When"),
        .detailsNote: ("Note", "Note"),
        .detailsBookedBy: ("Pris par", "Booked by"),
        .detailsStatus: ("État", "Status"),
        .detailsKeys: ("m déplacer · x annuler · n non venu · Échap fermer", "m move · x cancel · n no-show · Esc close"),
        .statusBooked: ("pris", "booked"),
        .statusCancelled: ("annulé", "cancelled"),
        .statusNoShow: ("non venu", "no-show"),
        .cancelTitle: ("Annuler un rendez-vous", "Cancel an appointment"),
        .cancelReason: ("Motif : ", "Reason: "),
        .cancelHint: ("Entrée : confirmer · Échap : fermer", "Enter: confirm · Esc: close"),
        .cancelNeedsReason: ("Indiquez le motif de l'annulation.", "Say why the appointment is cancelled."),
        .cancelConfirm: ("Annuler ce rendez-vous ? (o/n)", "Cancel this appointment? (y/n)"),
        .noShowTitle: ("Patient non venu", "No-show"),
        .noShowConfirm: ("Noter que le patient n'est pas venu ? (o/n)", "Record that the contact did not come? (y/n)"),
        .offersTitle: ("Liste d'attente — créneau libéré", "Waiting list — freed time"),
        .offersFreed: ("Libéré : ", "Freed: "),
        .offersHint: ("1–9 ou Entrée : réserver pour cette personne · Échap : fermer",
                      "1–9 or Enter: book it for them · Esc: close"),
        .waitlistTitle: ("Mettre sur la liste d'attente", "Put on the waiting list"),
        .waitlistAnyType: ("tout type", "any type"),
        .waitlistPreferences: ("Disponible : ", "Can come: "),
        .waitlistPreferencesHint: ("ex. lun-mer 08:00-12:00 (vide : n'importe quand) · Entrée : ajouter",
                                   "e.g. mon-wed 08:00-12:00 (empty: any time) · Enter: add"),
        .waitlistTypeHint: ("0 : tout type · 1–9 : un type · Entrée : suite · Échap : annuler",
                            "0: any type · 1–9: a type · Enter: next · Esc: cancel"),
        .goToPrompt: ("Aller au : ", "Go to: "),
        .goToInvalid: ("date attendue : 25/12, 25/12/2026 ou 2026-12-25", "expected a date: 25/12, 25/12/2026 or 2026-12-25"),
        .actionNewMessage: ("Message", "Message"),
        .actionMedicalQuestion: ("Question médicale → message", "Medical question → message"),
        .actionEmergency: ("Urgence", "Emergency"),
        .actionClientMessages: ("Messages du client", "Client's messages"),
        .actionInstructionsHistory: ("Versions des consignes", "Instructions versions"),
        .messageTitle: ("Message", "Message"),
        .medicalQuestionTitle: ("Question médicale pour le praticien", "Medical question for the practitioner"),
        .messageCallerName: ("Appelant", "Caller"),
        .messageCallback: ("Rappeler au", "Call back on"),
        .messageReason: ("Motif", "Reason"),
        .messageUrgency: ("Urgence", "Urgency"),
        .messageText: ("Texte", "Text"),
        .messageQuestion: ("Question", "Question"),
        .messageNormal: ("normal", "normal"),
        .messageUrgent: ("URGENT", "URGENT"),
        .messageFormKeys: ("Entrée : enregistrer · Tab : champ · Espace : urgence · Échap : annuler",
                           "Enter: save · Tab: next field · Space: urgency · Esc: cancel"),
        .medicalQuestionKeys: ("Entrée : envoyer au praticien · Tab : champ suivant · Échap : annuler",
                               "Enter: send to the practitioner · Tab: next field · Esc: cancel"),
        .medicalQuestionHint: ("Les mots de l'appelant, tels quels : ils seront cités.",
                               "The caller's own words: they will be quoted."),
        .messageSaved: ("Message enregistré", "Message saved"),
        .urgentMessageSaved: ("Message URGENT enregistré", "URGENT message saved"),
        .medicalQuestionSaved: ("Question transmise au praticien", "Question passed on to the practitioner"),
        .notMedicalClient: ("Ce client n'est pas un cabinet médical.", "This client is not a medical practice."),
        .adviceRefused: ("Conseil médical", "Medical advice"),
        .adviceRule: ("règle", "rule"),
        .adviceRephrase: ("reformulez, ou citez l'appelant entre « »", "rephrase, or quote the caller in « »"),
        .adviceDosage: ("posologie, médicament", "dosage, medication"),
        .adviceTreatment: ("changement de traitement", "change of treatment"),
        .adviceDiagnosis: ("diagnostic", "diagnosis"),
        .adviceReassurance: ("réassurance sur un symptôme", "reassurance about a symptom"),
        .adviceCare: ("soin à faire", "care instruction"),
        .adviceWaiting: ("conseil d'attendre ou de ne pas consulter", "advice to wait or not to consult"),
        .adviceScriptTitle: ("Avis médical demandé ? Dites :", "Asked for medical advice? Say:"),
        .emergencyTitle: ("URGENCE", "EMERGENCY"),
        .emergencyHeard: ("Entendu : ", "Heard: "),
        .emergencyNoCall: ("Pas d'appel en cours · Échap : fermer", "No call in progress · Esc: close"),
        .emergencyReported: ("Urgence : appel clos, message urgent envoyé", "Emergency: call closed, urgent message sent"),
        .messagesTitle: ("Messages", "Messages"),
        .messagesNone: ("Aucun message pour ce client.", "No message for this client."),
        .messagesLoading: ("Chargement…", "Loading…"),
        .messagesKeys: ("j/k : choisir · t : marquer transmis · Échap : fermer",
                        "j/k: select · t: mark transmitted · Esc: close"),
        .statusNew: ("nouveau", "new"),
        .statusTransmitted: ("transmis", "transmitted"),
        .statusAcknowledged: ("lu", "acknowledged"),
        .tagMedicalQuestion: ("question médicale", "medical question"),
        .tagEmergency: ("urgence", "emergency"),
        .historyTitle: ("Consignes — versions", "Instructions — versions"),
        .historyInForce: ("en vigueur", "in force"),
        .historyScheduled: ("à venir", "scheduled"),
        .historyFirst: ("Première version.", "First version."),
        .historyNoChange: ("Texte inchangé.", "Text unchanged."),
        .historyKeys: ("j/k : version · PgUp/PgDn : défiler · Échap : fermer",
                       "j/k: version · PgUp/PgDn: scroll · Esc: close"),
        .historySince: ("à partir du", "from"),
        .changeAdded: ("ajouté", "added"),
        .changeRemoved: ("supprimé", "removed"),
        .changeChanged: ("modifié", "changed"),
        .actionIdentifyCaller: ("C'est l'appelant", "This is the caller"),
        .actionBackToCaller: ("Retour à l'appelant", "Back to the caller"),
        .actionConfirmEmergency: ("Confirmer l'urgence (appel clos, message urgent au client)",
                                  "Confirm the emergency (call closed, urgent message to the client)"),
        .actionNotAnEmergency: ("Pas une urgence (retour à la saisie)", "Not an emergency (back to typing)"),
        .actionBottom: ("Fin", "Bottom"),
        .actionCaretLeft: ("Curseur à gauche", "Cursor left"),
        .actionCaretRight: ("Curseur à droite", "Cursor right"),
        .actionCaretStart: ("Début du texte", "Start of the text"),
        .actionCaretEnd: ("Fin du texte", "End of the text"),
        .actionDeleteBackward: ("Effacer avant le curseur", "Delete before the cursor"),
        .actionDeleteForward: ("Effacer sous le curseur", "Delete at the cursor"),
        .actionDeleteWord: ("Effacer le mot précédent", "Delete the previous word"),
        .actionClearField: ("Vider le champ", "Clear the field"),
        .cardCaller: ("Appelant — en ligne", "Caller — on the line"),
        .cardLookedUp: ("Recherché, pas l'appelant", "Looked up, not the caller"),
        .cardCandidate: ("Même numéro : est-ce l'appelant ?", "Same number: is this the caller?"),
        .callerIdentified: ("Appelant : ", "Caller: "),
        .notDuringACall: ("Pas d'appel en cours.", "No call in progress."),
        .alreadyTheCaller: ("C'est déjà l'appelant.", "This is already the caller."),
        .emergencyOffer: ("script d'urgence ? (la saisie continue)", "emergency script? (typing goes on)"),
        .helpTextFields: ("Dans un champ de texte", "In a text field"),
        .helpScrollHint: ("↑↓ PgUp PgDn : défiler · Échap : fermer", "↑↓ PgUp PgDn: scroll · Esc: close"),
        .statusDone: ("passé", "done"),
        .waitingCount: ("en attente", "waiting"),
        .newCallArrived: ("Nouvel appel : ", "New call: "),
        .endCallChangeOutcome: ("↑↓ : issue · Entrée : terminer · Échap : fermer (note gardée)",
                                "↑↓: outcome · Enter: finish · Esc: close (note kept)"),
        .actionReports: ("Rapports / direct", "Reports / live"),
        .actionPreviousPeriod: ("Période préc.", "Prev. period"),
        .actionNextPeriod: ("Période suiv.", "Next period"),
        .actionSpanDay: ("Jour", "Day"),
        .actionSpanWeek: ("Semaine", "Week"),
        .actionSpanMonth: ("Mois", "Month"),
        .actionNextClient: ("Client suivant", "Next client"),
        .actionPreviousClient: ("Client précédent", "Previous client"),
        .reportsTitle: ("Rapports", "Reports"),
        .reportsLoading: ("Calcul du rapport…", "Counting the report…"),
        .reportsAllClients: ("tous les clients", "all clients"),
        .reportsSpanDay: ("Jour", "Day"),
        .reportsSpanWeek: ("Semaine", "Week"),
        .reportsSpanMonth: ("Mois", "Month"),
        .reportsASA: ("Décroché moy.", "ASA"),
        .reportsP90: ("Att. P90", "P90 wait"),
        .reportsWrapUp: ("Fin d'appel moy.", "Avg wrap-up"),
        .reportsNoCalls: ("Aucun appel sur la période.", "No call in this period."),
        .reportsBusiestHours: ("Heures chargées : appels reçus", "Busiest hours: calls offered"),
        .reportsPlans: ("Clients sur la période, et forfait du mois", "Clients over the period, and the month's plan"),
        .reportsInProgress: ("en cours", "in progress"),
        .reportsCallsOverPlan: ("Appels / forfait", "Calls / plan"),
        .reportsOverPlan: ("hors forfait", "over plan"),
        .actionCallbacks: ("Rappels", "Call-backs"),
        .actionTakeCallback: ("prendre", "take"),
        .actionReleaseCallback: ("rendre", "give back"),
        .actionClose: ("fermer", "close"),
        .callbackOutcomeReached: ("joint", "reached"),
        .callbackOutcomeNoAnswer: ("pas de réponse", "no answer"),
        .callbackOutcomeVoicemail: ("message laissé", "voicemail left"),
        .callbackOutcomeCalledAgain: ("a rappelé", "called again"),
        .callbacksTitle: ("Rappels", "Call-backs"),
        .callbacksNone: ("Personne à rappeler.", "Nobody to call back."),
        .callbackTakeFirst: ("Prenez d'abord un rappel (Entrée).", "Take a call-back first (Enter)."),
        .callbackTaken: ("Rappel pris : composez le ", "Call-back taken: dial "),
        .callbackBackOnList: ("Pas de réponse : remis sur la liste.", "No answer: back on the list."),
        .callbackReleased: ("Rappel rendu à la liste.", "Call-back given back to the list."),
        .callbackDone: ("Rappel terminé : ", "Call-back done: "),
        .callbackDial: ("Appelez le ", "Call "),
        .callbackDialThen: (" maintenant, puis 1, 2 ou 3 selon le résultat.", " now, then 1, 2 or 3 for what came of it."),
        .callbackMissed: ("appel(s)", "missed"),
        .callbackTakenByYou: ("pris par vous", "taken by you"),
        .callbackTakenBy: ("pris par ", "taken by "),
        .columnCallbacks: ("Rappels", "Call-backs"),
        .wallboardCallbacksWaiting: ("Rappels : ", "Call-backs: "),
        .actionMarkTransmitted: ("transmis", "transmitted"),
        .actionAcknowledge: ("lu par le client", "client has it"),
        .actionUndoTransmitted: ("annuler « transmis »", "undo transmitted"),
        .actionAbsences: ("Absences du praticien", "Practitioner's absences"),
        .actionShowWaitingList: ("Voir la liste d'attente", "Show the waiting list"),
        .actionAddAbsence: ("nouvelle absence", "add an absence"),
        .absencesTitle: ("Absences", "Absences"),
        .absencesNone: ("Aucune absence à venir.", "No absence to come."),
        .absenceNewTitle: ("Nouvelle absence", "New absence"),
        .absenceFrom: ("Du", "From"),
        .absenceTo: ("Au", "To"),
        .absenceReason: ("Motif", "Reason"),
        .absenceFormHint: ("26/11 14:00, ou une date seule (toute la journée) · Entrée : enregistrer · Échap : fermer",
                           "26/11 14:00, or a date alone (the whole day) · Enter: save · Esc: close"),
        .absenceBadTime: ("date attendue : 26/11, 26/11/2026 ou 2026-11-26, et une heure 14:00",
                          "expected a date: 26/11, 26/11/2026 or 2026-11-26, and a time 14:00"),
        .absenceEndBeforeStart: ("la fin doit venir après le début", "the end must come after the start"),
        .absenceNeedsReason: ("Indiquez le motif de l'absence.", "Say why the practitioner is away."),
        .absenceAdded: ("Absence enregistrée : ", "Absence recorded: "),
        .absenceToMove: ("RDV à déplacer : ", "appointments to move: "),
        .waitingListTitle: ("Liste d'attente", "Waiting list"),
        .waitingListNone: ("Personne sur la liste d'attente.", "Nobody on the waiting list."),
        .waitingListAnyTime: ("n'importe quand", "any time"),
        .waitingListSince: ("depuis le", "since"),
        .waitlistBadPreferences: ("jours (lun, mar-jeu) et heures (08:00-12:00) attendus",
                                  "expected days (mon, tue-thu) and times (08:00-12:00)"),
        .agendaPast: ("passé", "past"),
        .callWaiting: ("en attente", "waiting"),
        .callStatusAnswered: ("répondu", "answered"),
        .callOnHold: ("en garde", "on hold"),
        .callTransferred: ("transféré", "transferred"),
        .callWrapUp: ("fin d'appel", "wrap-up"),
        .callDone: ("terminé", "done"),
        .callAbandoned: ("perdu", "abandoned"),
        .callClosed: ("hors horaires", "closed"),
    ]
}

extension Text {
    /// How a caller's history item's status reads: a finished call by its outcome.
    init(_ status: HistoryStatus) {
        switch status {
        case .call(.done, let outcome?): self = EndCallOverlay.label(outcome)
        case .call(let status, _):
            switch status {
            case .waiting: self = .callWaiting
            case .answered: self = .callStatusAnswered
            case .onHold: self = .callOnHold
            case .transferred: self = .callTransferred
            case .wrapUp: self = .callWrapUp
            case .done: self = .callDone
            case .abandoned: self = .callAbandoned
            case .closed: self = .callClosed
            }
        case .message(let status): self = MessageListOverlay.statusText(status)
        case .appointment(let status):
            switch status {
            case .booked: self = .statusBooked
            case .cancelled: self = .statusCancelled
            case .noShow: self = .statusNoShow
            }
        }
    }

    /// How an operator's presence reads, in the status line and on the wallboard.
    init(_ presence: Presence) {
        switch presence {
        case .available: self = .presenceAvailable
        case .onCall: self = .presenceOnCall
        case .wrapUp: self = .presenceWrapUp
        case .paused: self = .presencePaused
        case .offline: self = .presenceOffline
        }
    }
}
