import ArgumentParser
import StepgradRender

extension SolutionFormat: ExpressibleByArgument {}
