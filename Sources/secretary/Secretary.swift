import ArgumentParser
@main struct Secretary: ParsableCommand { func run() {} }
