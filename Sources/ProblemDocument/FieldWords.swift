/// Words of deep learning that a general English dictionary lacks: model, layer and optimizer
/// names, the field's verbs and nouns with their inflections, and the prefixes it hyphenates.
/// Gathered from the vocabulary of the course's lectures and of the field's textbooks, not from
/// any one problem set. A user adds their own with `psverify audit --words FILE`.
public enum FieldWords {
  public static let words: [String] = [
    // Prefixes written with a hyphen (pre-activation, multi-head, non-negative).
    "pre", "multi", "non", "sub", "bi", "uni", "co", "semi", "hyper", "meta",
    // Layers, blocks and architectures.
    "BatchNorm", "LayerNorm", "GroupNorm", "InstanceNorm", "RMSNorm", "WeightNorm", "ConvNet",
    "ConvNets", "ResNet", "ResNets", "AlexNet", "VGG", "DenseNet", "UNet", "LeNet", "GoogLeNet",
    "Transformer", "Transformers", "transformer", "transformers", "autoencoder", "autoencoders",
    "autoencoding", "encoder", "encoders", "decoder", "decoders", "GRU", "GRUs", "LSTM", "LSTMs",
    "RNN", "RNNs", "GAN", "GANs", "VAE", "VAEs", "ELBO", "seq", "word2vec", "GloVe", "BERT", "GPT",
    "convolutional", "deconvolution", "upsampling", "downsampling", "upsample", "downsample",
    "upsampled", "downsampled", "pooling", "unpooling", "feedforward", "recurrent", "residual",
    "residuals", "logit", "logits", "softmax", "softmaxes", "argmax", "argmin", "softplus", "tanh",
    "sigmoid", "sigmoids", "sigmoidal", "ReLU", "ReLUs", "LeakyReLU", "GELU", "ELU", "SiLU",
    "maxout", "dropout", "dropouts", "embeddings", "embedding", "unembedding", "tokenizer",
    "tokenizers", "tokenization", "tokenize", "tokenized", "detokenize", "minibatch",
    "minibatches", "mini", "batchwise", "channelwise", "elementwise", "pointwise", "depthwise",
    "layerwise", "timestep", "timesteps", "dataset", "datasets", "hyperparameter",
    "hyperparameters", "nonlinearity", "nonlinearities", "affine", "convolve", "convolving",
    "convolved", "reparameterization", "reparameterize", "reparameterized", "reparametrization",
    "parameterization", "parameterize", "parameterized", "parametrize", "parametrized",
    "normalizer", "normalizers", "unnormalized", "renormalize", "renormalized", "standardize",
    "standardized", "whitening", "initializer", "initializers", "init", "pretrained",
    "pretraining", "pretrain", "finetune", "finetuning", "finetuned", "overfit", "overfits",
    "overfitting", "underfit", "underfitting", "regularizer", "regularizers", "backprop",
    "backpropagation", "backpropagate", "backpropagated", "backpropagating", "autograd",
    "autodiff", "differentiable", "nondifferentiable", "subgradient", "subgradients",
    "exponentials", "logsumexp", "unrolled", "unrolling", "equivariance", "equivariant",
    "dilation", "dilations", "dilated", "strided", "striding", "quantization", "quantize",
    "quantized", "dequantize", "dequantized", "denoising", "denoiser", "detokenized",
    "invariance", "perceptron", "perceptrons", "MLP", "MLPs", "CNN", "CNNs", "backbone",
    "bottleneck", "bottlenecks", "subtensor", "subtensors", "submatrix", "submatrices",
    "atrous", "multiscale", "multirate", "autoregressive", "autoregressively", "seq2seq",
    "quantizer", "dequantization", "denoise", "denoised", "heatmap", "heatmaps", "keypoint",
    "keypoints", "superpixel", "superpixels", "misclassification", "multimodal", "multihead",
    "overparameterized", "underparameterized", "subword", "subwords", "wordpiece", "bigram",
    "bigrams", "ngram", "ngrams", "tokenizer", "softmaxed", "LReLU", "PReLU", "CTC", "LoRA",
    // Architectures and models named in the field's textbooks and surveys.
    "PixelCNN", "WaveNet", "DeepLab", "MobileNet", "ShuffleNet", "EfficientNet", "Xception",
    "Hopfield", "Hebbian", "Boltzmann", "connectionist", "Connectionist",
    // Optimization.
    "SGD", "Adam", "AdamW", "AdaGrad", "Adagrad", "RMSProp", "RMSprop", "Nesterov", "AdaDelta",
    "momentum", "warmup", "minimizer", "minimizers", "maximizer", "stepsize", "stepsizes",
    "adjoint", "adjoints", "Adamax", "Nadam", "Glorot", "prenorm", "postnorm",
    "learnable", "iterate", "iterates", "convergent", "nonconvex", "lookahead",
    // Shorthand of the field's notes and forums (a conv layer, the latents, ok).
    "conv", "convs", "deconv", "latents", "ok", "okay", "param", "params",
    // Probability, information and linear algebra.
    "KL", "Kullback", "Leibler", "Gaussian", "Gaussians", "Bernoulli", "Laplacian", "Jacobian",
    "Jacobians", "Hessian", "Hessians", "eigenvalue", "eigenvalues", "eigenvector",
    "eigenvectors", "nonnegative", "nonnegativity", "nonzero", "iid", "variational", "posterior",
    "posteriors", "priors", "likelihoods", "loglikelihood", "crossentropy", "entropies",
    "marginalize", "marginalized", "minibatched", "ith", "jth", "kth", "nth", "th",
    // Mathematical shorthand.
    "iff", "wrt", "argmin", "infimum", "supremum", "lemma", "lemmas", "corollary", "isometry",
    "arg", "isometries", "rescale", "rescales", "rescaled", "rescaling", "rescalings", "reweight",
    "reweighted", "reweighting", "reweightings", "reparameterizations", "renormalization",
    "reorderings", "permutational", "affinely", "monotonicity", "bilinearly", "invertibility",
    // Places and names of the field.
    "arxiv", "TTIC", "ImageNet", "CIFAR", "MNIST", "PyTorch", "TensorFlow", "JAX", "NumPy",
    "nbgrader", "psverify",
    // Images and coordinates.
    "grayscale", "greyscale", "coordinatewise",
  ]
}
