// The preview server (glossa serve) lives here.
import Glossa
import Hummingbird
